package dev.parallax.api.pipeline;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The checked values of an element's properties, every declared property present (given or default).
 *
 * <p>A provider type: only the runtime implements it.
 */
@ProviderType
public interface PropertyValues {
    /** Every value by property name: {@link Boolean}, {@link Long}, {@link Double} or {@link String}. */
    Map<String, Object> asMap();

    /**
     * The value of an {@link PropertyType#INTEGER} property.
     *
     * @throws IllegalArgumentException if the element declares no such integer property, naming it
     */
    long integer(String name);

    /** The value of an {@link PropertyType#INTEGER} property that the description bounds to an {@code int}. */
    default int intValue(String name) {
        return Math.toIntExact(integer(name));
    }

    /** The value of a {@link PropertyType#DOUBLE} property. */
    double decimal(String name);

    /** The value of a {@link PropertyType#BOOLEAN} property. */
    boolean bool(String name);

    /** The value of a {@link PropertyType#STRING} or {@link PropertyType#ENUM} property. */
    String string(String name);
}

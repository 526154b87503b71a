package dev.parallax.core.internal.pipeline.graph;

import dev.parallax.api.pipeline.ElementDescription;
import dev.parallax.api.pipeline.PropertySpec;
import dev.parallax.api.pipeline.PropertyType;
import dev.parallax.api.pipeline.PropertyValues;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The checked values of one element's properties, every declared property present, in the description's order.
 * Equal when the values are.
 */
public final class PropertyValuesImpl implements PropertyValues {
    private final String element;
    private final ElementDescription description;
    private final Map<String, Object> values;

    private PropertyValuesImpl(String element, ElementDescription description, Map<String, Object> values) {
        this.element = element;
        this.description = description;
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Checks {@code given} against the description and fills in the defaults.
     *
     * @param element the element's name, for messages
     * @param given values in Java types ({@link PropertySpec#check}), by property name
     * @throws IllegalArgumentException naming the element and the property that is unknown, missing or bad
     */
    public static PropertyValuesImpl of(String element, ElementDescription description, Map<String, ?> given) {
        for (String name : given.keySet()) {
            if (description.property(name).isEmpty()) {
                throw new IllegalArgumentException(PropertyReader.unknownMessage(description, name));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (PropertySpec property : description.properties()) {
            Object value = given.get(property.name());
            if (value == null && property.required()) {
                throw new IllegalArgumentException("Element '" + element + "' (" + description.name()
                        + ") needs property '" + property.name() + "': " + property.description());
            }
            try {
                values.put(property.name(), value == null ? property.defaultValue() : property.check(value));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "Element '" + element + "' (" + description.name() + "): " + e.getMessage(), e);
            }
        }
        return new PropertyValuesImpl(element, description, values);
    }

    @Override
    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public long integer(String name) {
        return (Long) get(name, PropertyType.INTEGER, PropertyType.INTEGER);
    }

    @Override
    public double decimal(String name) {
        return (Double) get(name, PropertyType.DOUBLE, PropertyType.DOUBLE);
    }

    @Override
    public boolean bool(String name) {
        return (Boolean) get(name, PropertyType.BOOLEAN, PropertyType.BOOLEAN);
    }

    @Override
    public String string(String name) {
        return (String) get(name, PropertyType.STRING, PropertyType.ENUM);
    }

    private Object get(String name, PropertyType type, PropertyType alternative) {
        PropertySpec property = description.property(name).orElse(null);
        if (property == null || (property.type() != type && property.type() != alternative)) {
            throw new IllegalArgumentException("Element '" + element + "' (" + description.name() + ") declares no "
                    + type.name().toLowerCase() + " property '" + name + "'"
                    + (property == null
                            ? ""
                            : "; it is " + property.type().name().toLowerCase()));
        }
        return values.get(name);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PropertyValuesImpl that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return element + values;
    }
}

package dev.parallax.core.internal.pipeline.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One element of a {@link GraphSpec}: which factory, its name in the pipeline, and its property values as written.
 *
 * @param factory the element's factory name ({@code identity})
 * @param name its name in the pipeline, given or automatic ({@code identity0})
 * @param properties property values as text, in the order given, by property name; the reserved {@code on-error},
 *     {@code restart-backoff} and {@code deadline} included, {@code name} never
 * @param position where the element starts in the pipeline text, or -1 when it was not written as text
 */
public record ElementSpec(String factory, String name, Map<String, String> properties, int position) {
    /** Checks the fields and freezes an ordered copy of the properties. */
    public ElementSpec {
        Objects.requireNonNull(factory, "Element factory");
        Objects.requireNonNull(name, "Element name");
        if (properties.containsKey("name")) {
            throw new IllegalArgumentException(
                    "Element '" + name + "': the name is a field of its own, not one of the properties");
        }
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** This element without its position in the text. */
    public ElementSpec withoutPosition() {
        return new ElementSpec(factory, name, properties, -1);
    }
}

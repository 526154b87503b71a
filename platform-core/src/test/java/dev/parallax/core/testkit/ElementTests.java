package dev.parallax.core.testkit;

import dev.parallax.api.buffer.MemoryService;
import dev.parallax.api.pipeline.ElementDescription;
import dev.parallax.api.pipeline.PropertySpec;
import dev.parallax.api.pipeline.PropertyValues;
import dev.parallax.core.internal.memory.MemoryServiceImpl;
import dev.parallax.core.internal.pipeline.graph.PropertyValuesImpl;
import java.util.LinkedHashMap;
import java.util.Map;

/** Memory and properties for elements run outside a pipeline, through the runtime's own implementations. */
public final class ElementTests {
    private static final MemoryService MEMORY = newMemory();

    private ElementTests() {}

    /** The runtime's memory service over the real system, configured as by default; one per test JVM. */
    public static MemoryService memory() {
        return MEMORY;
    }

    /** A new memory service over the real system, configured as by default. */
    public static MemoryService newMemory() {
        return MemoryServiceImpl.withDefaults();
    }

    /** {@code description}'s properties with {@code given} values (Java types), checked as a pipeline checks them. */
    public static PropertyValues properties(ElementDescription description, Map<String, ?> given) {
        return PropertyValuesImpl.of(description.name() + "0", description, given);
    }

    /** As {@link #properties(ElementDescription, Map)}, with {@code keyValues} as name, value, name, value... */
    public static PropertyValues properties(ElementDescription description, Object... keyValues) {
        Map<String, Object> given = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            given.put((String) keyValues[i], keyValues[i + 1]);
        }
        return properties(description, given);
    }

    /** As {@link #properties(ElementDescription, Map)}, with {@code name=value} settings written as in a pipeline. */
    public static PropertyValues parse(ElementDescription description, String... settings) {
        Map<String, Object> given = new LinkedHashMap<>();
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            String name = setting.substring(0, equals);
            PropertySpec spec = description
                    .property(name)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "Element '" + description.name() + "' has no property '" + name + "'"));
            given.put(name, spec.parse(setting.substring(equals + 1)));
        }
        return properties(description, given);
    }
}

package dev.parallax.plugin.threshold.internal.element;

import dev.parallax.api.pipeline.ElementDescription;
import dev.parallax.api.pipeline.PropertySpec;
import dev.parallax.api.pipeline.PropertyValues;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Property values as the runtime hands them to a factory: each given value checked against its description, every
 * other property at its default.
 */
final class TestProperties implements PropertyValues {
    private final Map<String, Object> values;

    private TestProperties(Map<String, Object> values) {
        this.values = values;
    }

    /** The values of {@code description}'s properties, {@code keyValues} (name, value, name, value...) given. */
    static TestProperties of(ElementDescription description, Object... keyValues) {
        Map<String, Object> given = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            given.put((String) keyValues[i], keyValues[i + 1]);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (PropertySpec spec : description.properties()) {
            Object value = given.remove(spec.name());
            if (value == null && spec.required()) {
                throw new IllegalArgumentException(
                        "Element '" + description.name() + "' needs property '" + spec.name() + "'");
            }
            values.put(spec.name(), value == null ? spec.defaultValue() : spec.check(value));
        }
        if (!given.isEmpty()) {
            throw new IllegalArgumentException(
                    "Element '" + description.name() + "' has no property " + given.keySet());
        }
        return new TestProperties(values);
    }

    @Override
    public Map<String, Object> asMap() {
        return Map.copyOf(values);
    }

    @Override
    public long integer(String name) {
        return (Long) get(name);
    }

    @Override
    public double decimal(String name) {
        return (Double) get(name);
    }

    @Override
    public boolean bool(String name) {
        return (Boolean) get(name);
    }

    @Override
    public String string(String name) {
        return (String) get(name);
    }

    private Object get(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("No property '" + name + "'");
        }
        return value;
    }
}

package dev.parallax.core.internal.pipeline.run;

import dev.parallax.api.pipeline.PropertyValues;
import java.util.Map;

/** Property values from a map, as the graph builder would check and complete them. */
record TestProperties(Map<String, Object> asMap) implements PropertyValues {
    static final TestProperties NONE = new TestProperties(Map.of());

    TestProperties {
        asMap = Map.copyOf(asMap);
    }

    static TestProperties of(String key, Object value) {
        return new TestProperties(Map.of(key, value));
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
        Object value = asMap.get(name);
        if (value == null) {
            throw new IllegalArgumentException("No property '" + name + "' in " + asMap.keySet());
        }
        return value;
    }
}

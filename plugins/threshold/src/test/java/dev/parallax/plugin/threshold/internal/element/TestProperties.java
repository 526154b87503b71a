package dev.parallax.plugin.threshold.internal.element;

import dev.parallax.api.pipeline.ElementDescription;
import dev.parallax.api.pipeline.PropertyValues;
import dev.parallax.core.testkit.ElementTests;

/**
 * Property values as the runtime hands them to a factory: each given value checked against its description, every
 * other property at its default.
 */
final class TestProperties {
    private TestProperties() {}

    /** The values of {@code description}'s properties, {@code keyValues} (name, value, name, value...) given. */
    static PropertyValues of(ElementDescription description, Object... keyValues) {
        for (int i = 0; i < keyValues.length; i += 2) {
            String name = (String) keyValues[i];
            Object value = keyValues[i + 1];
            // the description's own message, as the tests of the ranges expect it
            description.property(name).ifPresent(spec -> spec.check(value));
        }
        return ElementTests.properties(description, keyValues);
    }
}

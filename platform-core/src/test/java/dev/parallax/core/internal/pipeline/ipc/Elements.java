package dev.parallax.core.internal.pipeline.ipc;

import dev.parallax.api.buffer.Format;
import dev.parallax.api.pipeline.ElementContext;
import dev.parallax.api.pipeline.ElementDescription;
import dev.parallax.api.pipeline.PropertyValues;
import dev.parallax.core.testkit.ElementTests;
import dev.parallax.core.testkit.RecordingOutput;
import dev.parallax.core.testkit.TestContext;
import java.util.List;
import java.util.Map;

/** What the runtime gives an element, from the shared test kit ({@code dev.parallax.core.testkit}). */
final class Elements {
    private Elements() {}

    /** The description's properties with {@code given} values, checked and completed with defaults. */
    static PropertyValues properties(ElementDescription description, Map<String, Object> given) {
        return ElementTests.properties(description, given);
    }

    /** A context that is never stopping and keeps warnings. */
    static ElementContext context(String name, List<Format> inputs, List<Format> outputs) {
        return new TestContext(name, inputs, outputs, ElementTests.memory(), false);
    }

    /** An output that keeps what is pushed to pad 0. */
    static final class Collected extends RecordingOutput {}
}

package dev.parallax.core.internal.pipeline.elements;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.MemoryService;
import dev.parallax.api.pipeline.ElementContext;
import dev.parallax.api.pipeline.ElementDescription;
import dev.parallax.api.pipeline.PropertyValues;
import dev.parallax.core.testkit.ElementTests;
import dev.parallax.core.testkit.RecordingOutput;
import dev.parallax.core.testkit.TestContext;
import java.util.List;
import java.util.Map;

/** What an element needs to run outside a pipeline, from the shared test kit ({@code dev.parallax.core.testkit}). */
final class Harness {
    private Harness() {}

    /** A new memory service, configured as by default. */
    static MemoryService memory() {
        return ElementTests.newMemory();
    }

    /** Checked properties of an element, the defaults filled in. */
    static PropertyValues properties(ElementDescription description, Map<String, ?> given) {
        return ElementTests.properties(description, given);
    }

    /** A context for an element called {@code name} in pipeline {@code test}; a warning fails the test. */
    static ElementContext context(String name, MemoryService memory) {
        return new TestContext(name, List.of(), List.of(), memory, true);
    }

    /** An output that keeps every buffer pushed to it, in order; the test releases them. */
    static final class Recorder extends RecordingOutput {
        /** The only buffer pushed since the last call, taken out. */
        Buffer take() {
            return only();
        }
    }
}

package dev.parallax.plugin.forecast.internal.element;

import dev.parallax.api.buffer.Backing;
import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.buffer.MemoryService;
import dev.parallax.api.buffer.Metadata;
import dev.parallax.api.pipeline.ElementContext;
import dev.parallax.api.pipeline.ElementDescription;
import dev.parallax.api.pipeline.PropertyValues;
import dev.parallax.core.testkit.ElementTests;
import dev.parallax.core.testkit.RecordingOutput;
import dev.parallax.core.testkit.TestContext;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the pipeline engine gives an element, for driving one by hand, from the shared test kit ({@code
 * dev.parallax.core.testkit}: real buffers, which fail on a second release, and property values checked as the
 * engine checks them), with series and text helpers.
 */
final class Harness {
    static final MemoryService MEMORY = ElementTests.memory();

    private Harness() {}

    /** The description's defaults, with {@code name=value} settings parsed by their specs. */
    static PropertyValues properties(ElementDescription description, String... settings) {
        return ElementTests.parse(description, settings);
    }

    /** A context in pipeline {@code test}; a warning fails the test. */
    static ElementContext context(String name, List<Format> inputs, List<Format> outputs) {
        return TestContext.strict(name, inputs, outputs);
    }

    /** A heap buffer holding {@code bytes}, with {@code format}. */
    static Buffer buffer(byte[] bytes, Format format, long sequence) {
        Buffer buffer = MEMORY.allocator(Backing.HEAP).allocate(bytes.length);
        MemorySegment.copy(MemorySegment.ofArray(bytes), 0, buffer.segment(), 0, bytes.length);
        buffer.setMetadata(Metadata.EMPTY.withSequence(sequence).withFormat(format));
        return buffer;
    }

    /** A buffer of the values as little-endian float64. */
    static Buffer series(double[] values, Format format) {
        byte[] bytes = new byte[values.length * Double.BYTES];
        MemorySegment segment = MemorySegment.ofArray(bytes);
        for (int i = 0; i < values.length; i++) {
            segment.setAtIndex(F64Series.VALUE, i, values[i]);
        }
        return buffer(bytes, format, 0);
    }

    static String text(Buffer buffer) {
        return new String(buffer.segment().toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
    }

    /** Records every buffer pushed, in order. */
    static final class Recording extends RecordingOutput {}
}

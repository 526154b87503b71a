package dev.parallax.plugin.threshold.internal.element;

import dev.parallax.api.buffer.Backing;
import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.buffer.MemoryService;
import dev.parallax.api.buffer.Metadata;
import dev.parallax.api.image.Gray8;
import dev.parallax.core.testkit.ElementTests;
import dev.parallax.core.testkit.RecordingOutput;
import dev.parallax.core.testkit.TestContext;
import java.util.List;

/**
 * What the runtime gives an element, for driving one by hand: the shared test kit ({@code
 * dev.parallax.core.testkit}) and gray8 helpers.
 */
final class TestRuntime {
    /** The runtime's own memory service, as a pipeline gets it. */
    static final MemoryService MEMORY = ElementTests.memory();

    private TestRuntime() {}

    /** An element's context in a pipeline called {@code test}; warnings are kept. */
    static final class Context extends TestContext {
        Context(String name, List<Format> inputs, List<Format> outputs) {
            super(name, inputs, outputs, MEMORY, false);
        }
    }

    /** One output pad that keeps what is pushed to it. */
    static final class Recording extends RecordingOutput {}

    /**
     * {@code image} in a native buffer whose rows are {@code padding} bytes longer than the width (the padding 0x5A),
     * stamped with its gray8 format and {@code sequence}.
     */
    static Buffer gray8(Gray8 image, int padding, long sequence) {
        Gray8Format format = new Gray8Format(image.width(), image.height(), image.width() + padding);
        Buffer buffer = MEMORY.allocator(Backing.NATIVE).allocate(format.byteSize());
        buffer.segment().fill((byte) 0x5A);
        image.copyTo(format.view("test", buffer));
        buffer.setMetadata(Metadata.EMPTY.withSequence(sequence).withFormat(format.format()));
        return buffer;
    }

    /** The pixels of a packed gray8 buffer, width x height bytes; releases the buffer. */
    static byte[] pixels(Buffer buffer, int width, int height) {
        try (buffer) {
            return Gray8Format.packed(width, height).view("test", buffer).toArray();
        }
    }
}

package dev.parallax.plugin.threshold.internal.element;

import dev.parallax.api.buffer.Allocator;
import dev.parallax.api.buffer.Backing;
import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.image.Gray8;
import dev.parallax.api.pipeline.Element;
import dev.parallax.api.pipeline.ElementContext;
import dev.parallax.api.pipeline.Output;
import dev.parallax.plugin.threshold.internal.codec.PngWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * One {@code pngenc}: encodes each image into a byte array kept across buffers, then copies the file into a native
 * buffer of its exact size. The PNG writer and its image are made once, at start.
 *
 * <p>Native, not heap: the runtime's heap buffers lie over a {@code long[]}, whose segment cannot be seen as a
 * {@link java.nio.ByteBuffer}, which is what a file channel writes. Freeing a native buffer costs tens of
 * microseconds (docs/memory.md), little beside the milliseconds of encoding a frame.
 */
final class PngEncoder implements Element {
    private Gray8Format in;
    private String name = "pngenc";
    private PngWriter writer;
    private Bytes encoded;
    private Allocator allocator;

    @Override
    public List<Format> negotiate(List<Format> inputs, int outputs) {
        if (inputs.size() != 1) {
            throw new IllegalArgumentException(
                    "Element 'pngenc' has one input pad, but " + inputs.size() + " inputs were linked");
        }
        in = Gray8Format.of("pngenc", inputs.getFirst());
        return List.of(Format.BYTES);
    }

    @Override
    public void start(ElementContext context) {
        name = context.name();
        writer = new PngWriter(in.width(), in.height());
        encoded = new Bytes((int) Math.min(in.packedSize() + 1024, 1 << 26)); // grows past 64 MiB if it must
        allocator = context.memory().allocator(Backing.NATIVE);
    }

    @Override
    public void process(int input, Buffer buffer, Output output) throws IOException {
        Buffer file;
        try (buffer) {
            Gray8 image = in.view(name, buffer);
            encoded.reset();
            writer.write(image, encoded);
            file = allocator.allocate(encoded.size());
            try {
                MemorySegment.copy(encoded.segment(), 0, file.segment(), 0, encoded.size());
                file.setMetadata(buffer.metadata().withFormat(Format.BYTES));
            } catch (RuntimeException e) {
                file.release();
                throw e;
            }
        }
        output.push(file);
    }

    @Override
    public void stop() {
        if (writer != null) {
            writer.close();
            writer = null;
        }
        encoded = null;
    }

    /** A byte array stream whose bytes can be read in place. */
    private static final class Bytes extends ByteArrayOutputStream {
        Bytes(int capacity) {
            super(capacity);
        }

        MemorySegment segment() {
            return MemorySegment.ofArray(buf);
        }
    }
}

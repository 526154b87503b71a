package dev.parallax.core.testkit;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.pipeline.Output;
import java.io.ByteArrayOutputStream;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/** One output pad that keeps every buffer pushed to it, in order; the test releases them. */
public class RecordingOutput implements Output {
    /** The buffers pushed and not yet taken. */
    public final List<Buffer> buffers = new ArrayList<>();

    @Override
    public void push(Buffer buffer) {
        push(0, buffer);
    }

    @Override
    public void push(int pad, Buffer buffer) {
        if (pad != 0) {
            throw new IndexOutOfBoundsException("one output pad, not " + pad);
        }
        buffers.add(buffer);
    }

    @Override
    public int pads() {
        return 1;
    }

    /** The only buffer pushed since the last call, taken out. */
    public Buffer only() {
        if (buffers.size() != 1) {
            throw new AssertionError("expected one buffer, got " + buffers.size());
        }
        return buffers.removeFirst();
    }

    /** Every buffer's bytes, in order, and releases them. */
    public byte[] drain() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (Buffer buffer : buffers) {
            bytes.writeBytes(buffer.segment().toArray(ValueLayout.JAVA_BYTE));
            buffer.release();
        }
        buffers.clear();
        return bytes.toByteArray();
    }
}

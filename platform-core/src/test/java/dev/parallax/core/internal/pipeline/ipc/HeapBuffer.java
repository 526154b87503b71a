package dev.parallax.core.internal.pipeline.ipc;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Metadata;
import java.lang.foreign.MemorySegment;

/** A plain upstream buffer over a heap array, as another element's pool would hand out: not a transport slot. */
final class HeapBuffer implements Buffer {
    private final MemorySegment segment;
    private Metadata metadata;
    private boolean released;

    HeapBuffer(byte[] bytes, Metadata metadata) {
        this.segment = MemorySegment.ofArray(bytes);
        this.metadata = metadata;
    }

    @Override
    public MemorySegment segment() {
        if (released) {
            throw new IllegalStateException("heap buffer released");
        }
        return segment;
    }

    @Override
    public long byteSize() {
        return segment.byteSize();
    }

    @Override
    public Metadata metadata() {
        return metadata;
    }

    @Override
    public void setMetadata(Metadata metadata) {
        this.metadata = metadata;
    }

    @Override
    public Buffer slice(long offset, long length) {
        throw new UnsupportedOperationException("not needed by the tests");
    }

    @Override
    public Buffer share() {
        throw new UnsupportedOperationException("not needed by the tests");
    }

    @Override
    public boolean isReleased() {
        return released;
    }

    @Override
    public void release() {
        if (released) {
            throw new IllegalStateException("heap buffer released twice");
        }
        released = true;
    }

    @Override
    public void close() {
        release();
    }
}

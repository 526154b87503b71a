package dev.parallax.core.internal.memory;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Metadata;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;

/**
 * One handle on leased memory: a segment view, its metadata, and a released mark swapped once.
 *
 * <p>Every loan, slice and share is a new handle, so a stale handle is told apart from the slot's next loan by
 * identity: its own mark says it was released. The check on each access is two volatile reads (plain loads on
 * x86-64): the handle's mark and its memory's open flag. A release is one atomic swap and one atomic decrement.
 */
public final class BufferHandle implements Buffer {
    private static final VarHandle RELEASED;

    static {
        try {
            RELEASED = MethodHandles.lookup().findVarHandle(BufferHandle.class, "released", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Lease lease;
    private final MemorySegment segment;
    private final long offset;
    private final long loan;
    private Metadata metadata;
    private volatile boolean released;

    /**
     * @param lease the memory and its handle count, which already counts this handle
     * @param segment the bytes this handle covers
     * @param offset where they start in the lease's memory, for messages
     * @param loan which lending of the lease this handle belongs to, for messages
     * @param metadata the handle's first metadata
     */
    public BufferHandle(Lease lease, MemorySegment segment, long offset, long loan, Metadata metadata) {
        this.lease = lease;
        this.segment = segment;
        this.offset = offset;
        this.loan = loan;
        this.metadata = metadata;
    }

    @Override
    public MemorySegment segment() {
        requireLive("read");
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
        requireLive("get new metadata");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
    }

    @Override
    public Buffer slice(long offset, long length) {
        requireLive("be sliced");
        if (offset < 0 || length < 0 || offset > segment.byteSize() - length) {
            throw new IndexOutOfBoundsException("Slice of " + length + " bytes at offset " + offset
                    + " does not lie inside " + this + " of " + segment.byteSize() + " bytes");
        }
        lease.retain();
        return new BufferHandle(lease, segment.asSlice(offset, length), this.offset + offset, loan, metadata);
    }

    @Override
    public Buffer share() {
        requireLive("be shared");
        lease.retain();
        return new BufferHandle(lease, segment, offset, loan, metadata);
    }

    @Override
    public boolean isReleased() {
        return released;
    }

    /** The memory this handle is over. */
    public Lease lease() {
        return lease;
    }

    /** Where this handle's bytes start in its lease's memory. */
    public long offset() {
        return offset;
    }

    /** Marks this handle released without dropping it from its lease; false if it already was. */
    public boolean markReleased() {
        return !(boolean) RELEASED.getAndSet(this, true);
    }

    @Override
    public void release() {
        if (!markReleased()) {
            throw new IllegalStateException("Buffer " + this + " was already released: release each handle once;"
                    + " to keep the bytes in two places, share() the buffer");
        }
        lease.drop();
    }

    @Override
    public void close() {
        release();
    }

    private void requireLive(String action) {
        if (released) {
            throw new IllegalStateException("Buffer " + this + " was released and cannot " + action
                    + ": its memory may already belong to someone else; keep a share() while you need the bytes");
        }
        if (!lease.isOpen()) {
            throw new IllegalStateException("Buffer " + this + " cannot " + action + ": its memory was closed");
        }
    }

    @Override
    public String toString() {
        return "[" + lease.describe() + (loan > 0 ? ", " + lease.lending() + " " + loan : "") + ", bytes " + offset
                + " to " + (offset + segment.byteSize()) + "]";
    }
}

package dev.parallax.core.internal.pipeline.ipc;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Metadata;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;

/**
 * One handle on a transport slot: a view of the mapped file, its metadata, and a released mark swapped once.
 *
 * <p>The same contract as the memory pools' handles ({@code docs/memory.md}): every lending, share and slice is a
 * new handle, a second release or any use after release throws naming the handle, and the slot goes back (onto the
 * returned ring) when its last handle is released. The receiver's handles are views of the sender's slots: the
 * bytes are never copied on the receiving side.
 */
final class SlotBuffer implements Buffer {
    private static final VarHandle RELEASED;

    static {
        try {
            RELEASED = MethodHandles.lookup().findVarHandle(SlotBuffer.class, "released", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final SlotArea area;
    private final int slot;
    private final long lending;
    private final long offset;
    private final MemorySegment segment;
    private Metadata metadata;
    private volatile boolean released;

    /**
     * @param area the slots and their handle counts, which already count this handle
     * @param slot the slot's index
     * @param lending which lending of a slot on this side the handle belongs to, for messages
     * @param offset where the handle's bytes start in the slot
     * @param segment the bytes
     * @param metadata the handle's first metadata
     */
    SlotBuffer(SlotArea area, int slot, long lending, long offset, MemorySegment segment, Metadata metadata) {
        this.area = area;
        this.slot = slot;
        this.lending = lending;
        this.offset = offset;
        this.segment = segment;
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
        area.retain(slot);
        return new SlotBuffer(area, slot, lending, this.offset + offset, segment.asSlice(offset, length), metadata);
    }

    @Override
    public Buffer share() {
        requireLive("be shared");
        area.retain(slot);
        return new SlotBuffer(area, slot, lending, offset, segment, metadata);
    }

    @Override
    public boolean isReleased() {
        return released;
    }

    @Override
    public void release() {
        if (!markReleased()) {
            throw new IllegalStateException("Buffer " + this + " was already released: release each handle once;"
                    + " to keep the bytes in two places, share() the buffer");
        }
        area.drop(slot);
    }

    @Override
    public void close() {
        release();
    }

    /** Marks this handle released; false if it already was. */
    boolean markReleased() {
        return !(boolean) RELEASED.getAndSet(this, true);
    }

    /** The side whose slot this is. */
    SlotArea area() {
        return area;
    }

    int slotIndex() {
        return slot;
    }

    /** Where this handle's bytes start in its slot. */
    long offset() {
        return offset;
    }

    private void requireLive(String action) {
        if (released) {
            throw new IllegalStateException("Buffer " + this + " was released and cannot " + action
                    + ": its slot may already belong to someone else; keep a share() while you need the bytes");
        }
        if (!area.isMapped()) {
            throw new IllegalStateException("Buffer " + this + " cannot " + action + ": its memory was unmapped");
        }
    }

    @Override
    public String toString() {
        return "[" + area.describe(slot) + ", " + area.lending() + " " + lending + ", bytes " + offset + " to "
                + (offset + segment.byteSize()) + "]";
    }
}

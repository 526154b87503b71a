package dev.parallax.core.internal.pipeline.ipc;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Metadata;
import dev.parallax.core.internal.memory.BufferHandle;
import dev.parallax.core.internal.memory.Lease;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * One side's mapping of the slots, the handles it lends over them, and when it may be unmapped.
 *
 * <p>Each slot is a {@link Lease}: lent out as the memory layer's {@link BufferHandle}s, with a count of live handles
 * (shares and slices add to it); the last release gives the slot back through {@code giveBack} (onto the returned
 * ring). The mapping is unmapped only when
 * the side is closed <em>and</em> no slot is lent out any more, so a handle still held downstream after the
 * transport closed, or after the peer died, reads the bytes it was given and never an unmapped page. A side closed
 * while handles are out unmaps when their last one is released.
 *
 * <p>Closing and the last release can race: close sets {@code closing} then reads {@code outstanding}; a release
 * decrements {@code outstanding} then reads {@code closing}. Both are sequentially consistent accesses, so at least
 * one of them sees the other's write, and the compare-and-set on {@code unmapped} lets only one unmap.
 */
final class SlotArea {
    /** Ints per cache line: each slot's count on a line of its own, as in the memory pools. */
    private static final int LINE_INTS = 16;

    private final String name;
    private final String lending;
    private final Arena arena;
    private final MemorySegment[] slots;
    private final SlotLease[] leases;
    private final IntConsumer giveBack;
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicBoolean unmapped = new AtomicBoolean();
    private volatile boolean closing;
    private long lendings;

    /**
     * @param name names the side in messages, e.g. {@code shmsrc '/tmp/parallax.sock'}
     * @param lending what a lending is called in messages: {@code loan} or {@code received}
     * @param arena the arena the file is mapped in, closed to unmap it
     * @param file the mapped file
     * @param layout where the slots lie in it
     * @param giveBack what the last release of a slot does
     */
    SlotArea(String name, String lending, Arena arena, MemorySegment file, ShmLayout layout, IntConsumer giveBack) {
        this.name = name;
        this.lending = lending;
        this.arena = arena;
        this.giveBack = giveBack;
        this.slots = new MemorySegment[layout.slots()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = file.asSlice(layout.slotArea() + i * layout.stride(), layout.slotSize());
        }
        int[] counts = new int[Math.multiplyExact(slots.length + 2, LINE_INTS)];
        this.leases = new SlotLease[slots.length];
        for (int i = 0; i < slots.length; i++) {
            leases[i] = new SlotLease(counts, i);
        }
    }

    /**
     * Lends {@code length} bytes of {@code slot} from {@code offset} as a new handle. The caller owns the slot
     * exclusively: it is neither lent nor on a ring. Called by one thread at a time.
     */
    Buffer lend(int slot, long offset, long length, Metadata metadata) {
        leases[slot].lend();
        outstanding.incrementAndGet();
        return new BufferHandle(leases[slot], slots[slot].asSlice(offset, length), offset, ++lendings, metadata);
    }

    /** The whole of {@code slot}, for the sender to copy into; only while the caller owns it. */
    MemorySegment slot(int slot) {
        return slots[slot];
    }

    /** Whether {@code segment} lies inside the slot area: a received buffer was not copied. */
    boolean contains(MemorySegment segment) {
        MemorySegment first = slots[0];
        MemorySegment last = slots[slots.length - 1];
        return segment.address() >= first.address()
                && segment.address() + segment.byteSize() <= last.address() + last.byteSize();
    }

    /** The live handles over {@code slot}. */
    int handles(int slot) {
        return leases[slot].handles();
    }

    /**
     * The slot {@code buffer} lends if it is one of this side's, or -1: a buffer the sender can send without a copy.
     */
    int slotOf(Buffer buffer) {
        return buffer instanceof BufferHandle handle
                        && handle.lease() instanceof SlotLease lease
                        && lease.area() == this
                ? lease.slot
                : -1;
    }

    /**
     * Takes {@code handle}'s slot out of this side for good (the sender sent it), without giving it back: only when
     * {@code handle} is the slot's one live handle, which it marks released.
     *
     * @return false, changing nothing, if other handles over the slot are live
     */
    boolean handOver(BufferHandle handle, int slot) {
        if (leases[slot].handles() != 1 || !handle.markReleased()) {
            return false;
        }
        leases[slot].clear();
        settle();
        return true;
    }

    /** Marks this side closed; unmaps now if no slot is lent out, else at the last release. */
    void close() {
        closing = true;
        if (outstanding.get() == 0) {
            unmap();
        }
    }

    /** Whether the memory is still mapped. */
    boolean isMapped() {
        return !unmapped.get();
    }

    private void settle() {
        if (outstanding.decrementAndGet() == 0 && closing) {
            unmap();
        }
    }

    private void unmap() {
        if (unmapped.compareAndSet(false, true)) {
            arena.close();
        }
    }

    /** Names a slot in messages. */
    String describe(int slot) {
        return name + " slot " + slot;
    }

    /** One slot as memory lent out; its count one cache line in from the array's header, a line of its own. */
    private final class SlotLease extends Lease {
        final int slot;

        SlotLease(int[] counts, int slot) {
            super(counts, (slot + 1) * LINE_INTS);
            this.slot = slot;
        }

        SlotArea area() {
            return SlotArea.this;
        }

        @Override
        protected boolean isOpen() {
            return isMapped();
        }

        @Override
        protected void reclaim() {
            giveBack.accept(slot);
            settle();
        }

        @Override
        protected String describe() {
            return SlotArea.this.describe(slot);
        }

        @Override
        protected String lending() {
            return lending;
        }
    }
}

package dev.parallax.core.internal.pipeline.ipc;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Metadata;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * One side's mapping of the slots, the handles it lends over them, and when it may be unmapped.
 *
 * <p>Each slot lent out has a count of live {@link SlotBuffer} handles (shares and slices add to it); the last
 * release gives the slot back through {@code giveBack} (onto the returned ring). The mapping is unmapped only when
 * the side is closed <em>and</em> no slot is lent out any more, so a handle still held downstream after the
 * transport closed, or after the peer died, reads the bytes it was given and never an unmapped page. A side closed
 * while handles are out unmaps when their last one is released.
 *
 * <p>Closing and the last release can race: close sets {@code closing} then reads {@code outstanding}; a release
 * decrements {@code outstanding} then reads {@code closing}. Both are sequentially consistent accesses, so at least
 * one of them sees the other's write, and the compare-and-set on {@code unmapped} lets only one unmap.
 */
final class SlotArea {
    private static final VarHandle COUNT = MethodHandles.arrayElementVarHandle(int[].class);

    /** Ints per cache line: each slot's count on a line of its own, as in the memory pools. */
    private static final int LINE_INTS = 16;

    private final String name;
    private final String lending;
    private final Arena arena;
    private final MemorySegment[] slots;
    private final int[] counts;
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
        this.counts = new int[Math.multiplyExact(slots.length + 2, LINE_INTS)];
    }

    /**
     * Lends {@code length} bytes of {@code slot} from {@code offset} as a new handle. The caller owns the slot
     * exclusively: it is neither lent nor on a ring. Called by one thread at a time.
     */
    Buffer lend(int slot, long offset, long length, Metadata metadata) {
        COUNT.setRelease(counts, at(slot), 1);
        outstanding.incrementAndGet();
        return new SlotBuffer(this, slot, ++lendings, offset, slots[slot].asSlice(offset, length), metadata);
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
        return (int) COUNT.getVolatile(counts, at(slot));
    }

    /** Adds a handle over {@code slot}, which has a live one. */
    void retain(int slot) {
        COUNT.getAndAdd(counts, at(slot), 1);
    }

    /** Drops a handle over {@code slot}; the last one gives the slot back. */
    void drop(int slot) {
        int before = (int) COUNT.getAndAdd(counts, at(slot), -1);
        if (before == 1) {
            giveBack.accept(slot);
            settle();
        } else if (before < 1) {
            // cannot happen while each handle releases once; say so rather than give a slot back twice
            throw new IllegalStateException(describe(slot) + " lost count of its handles: " + (before - 1));
        }
    }

    /**
     * Takes {@code handle}'s slot out of this side for good (the sender sent it), without giving it back: only when
     * {@code handle} is the slot's one live handle, which it marks released.
     *
     * @return false, changing nothing, if other handles over the slot are live
     */
    boolean handOver(SlotBuffer handle) {
        int slot = handle.slotIndex();
        if (handles(slot) != 1 || !handle.markReleased()) {
            return false;
        }
        COUNT.setRelease(counts, at(slot), 0);
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

    /** What a lending is called in messages. */
    String lending() {
        return lending;
    }

    /** Where slot {@code slot}'s count is: one line in, clear of the array's header. */
    private static int at(int slot) {
        return (slot + 1) * LINE_INTS;
    }
}

package dev.parallax.core.internal.pipeline.ipc;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * The ring of returned slots: any number of producers (every thread of the receiving process that releases a
 * buffer's last handle, and the sender when a loaned slot is released unsent), one consumer (the sender's loaning
 * thread), in shared memory.
 *
 * <p>A producer claims a position by an atomic add on a shared counter, then writes its cell, stamp and slot index
 * in one long, with release semantics: {@code (position + 1) << 32 | slot}. The consumer reads the cell at its own
 * position with acquire semantics and takes it when the stamp is the one it expects (the low 32 bits of position +
 * 1: a cell from the previous lap differs by the capacity, less than 2^32). As in the {@link SentRing}, a cell in use
 * holds a distinct slot, so the ring can never be full and a producer never waits.
 */
final class ReturnRing {
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    private final MemorySegment file;
    private final MemorySegment cells;
    private final long mask;
    private long position;

    /** One side's view of the ring in {@code file}, as {@code layout} places it. */
    ReturnRing(MemorySegment file, ShmLayout layout) {
        this.file = file;
        this.cells = file.asSlice(layout.returnRing(), layout.capacity() * ShmLayout.RETURN_CELL);
        this.mask = layout.capacity() - 1;
    }

    /** Producer, from any thread: returns {@code slot}. */
    void push(int slot) {
        long claimed = (long) LONG.getAndAdd(file, ShmLayout.RETURN_CLAIM_AT, 1L);
        LONG.setRelease(cells, (claimed & mask) * ShmLayout.RETURN_CELL, (claimed + 1) << 32 | slot);
    }

    /** Consumer: whether a slot is waiting, without taking it. */
    boolean ready() {
        long value = (long) LONG.getAcquire(cells, (position & mask) * ShmLayout.RETURN_CELL);
        return (int) (value >>> 32) == (int) (position + 1);
    }

    /** Consumer: takes the next returned slot, or returns -1 when none is waiting. */
    int next() {
        long value = (long) LONG.getAcquire(cells, (position & mask) * ShmLayout.RETURN_CELL);
        if ((int) (value >>> 32) != (int) (position + 1)) {
            return -1;
        }
        position++;
        return (int) value;
    }
}

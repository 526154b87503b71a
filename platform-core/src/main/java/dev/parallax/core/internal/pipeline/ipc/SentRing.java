package dev.parallax.core.internal.pipeline.ipc;

import dev.parallax.api.buffer.BufferFlag;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.util.EnumSet;
import java.util.Set;

/**
 * The ring of sent buffers: one producer (the sender's thread), one consumer (the receiver's thread), in shared
 * memory. Each object is one side's view; its position is that side's own and never shared.
 *
 * <p>A cell is one cache line: {@code [stamp, slot | flags, offset, length, sequence, pts, duration]}. The producer
 * writes the fields with plain stores, then the stamp (position + 1) with release semantics; the consumer reads the
 * stamp with acquire semantics and, when it is the one it expects, the fields. The ring needs no shared head or
 * tail: each cell in use holds a slot that is neither free nor returned, so there are never more cells in use than
 * slots, and the capacity is at least the number of slots.
 */
final class SentRing {
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    private static final long SLOT_AT = 8;
    private static final long FLAGS_AT = 12;
    private static final long OFFSET_AT = 16;
    private static final long LENGTH_AT = 24;
    private static final long SEQUENCE_AT = 32;
    private static final long PTS_AT = 40;
    private static final long DURATION_AT = 48;

    private final MemorySegment cells;
    private final long mask;
    private long position;

    // the entry last taken by next(), read through the accessors below
    private int slot;
    private int flags;
    private long offset;
    private long length;
    private long sequence;
    private long pts;
    private long duration;

    /** One side's view of the ring in {@code file}, as {@code layout} places it. */
    SentRing(MemorySegment file, ShmLayout layout) {
        this.cells = file.asSlice(layout.sentRing(), layout.capacity() * ShmLayout.SENT_CELL);
        this.mask = layout.capacity() - 1;
    }

    /** Producer: publishes one buffer. */
    void publish(int slot, int flags, long offset, long length, long sequence, long pts, long duration) {
        long cell = (position & mask) * ShmLayout.SENT_CELL;
        cells.set(ValueLayout.JAVA_INT, cell + SLOT_AT, slot);
        cells.set(ValueLayout.JAVA_INT, cell + FLAGS_AT, flags);
        cells.set(ValueLayout.JAVA_LONG, cell + OFFSET_AT, offset);
        cells.set(ValueLayout.JAVA_LONG, cell + LENGTH_AT, length);
        cells.set(ValueLayout.JAVA_LONG, cell + SEQUENCE_AT, sequence);
        cells.set(ValueLayout.JAVA_LONG, cell + PTS_AT, pts);
        cells.set(ValueLayout.JAVA_LONG, cell + DURATION_AT, duration);
        position++;
        LONG.setRelease(cells, cell, position);
    }

    /** Consumer: whether a buffer is waiting, without taking it. */
    boolean ready() {
        return (long) LONG.getAcquire(cells, (position & mask) * ShmLayout.SENT_CELL) == position + 1;
    }

    /** Consumer: takes the next buffer into this view's accessors, or returns false when none is waiting. */
    boolean next() {
        long cell = (position & mask) * ShmLayout.SENT_CELL;
        if ((long) LONG.getAcquire(cells, cell) != position + 1) {
            return false;
        }
        slot = cells.get(ValueLayout.JAVA_INT, cell + SLOT_AT);
        flags = cells.get(ValueLayout.JAVA_INT, cell + FLAGS_AT);
        offset = cells.get(ValueLayout.JAVA_LONG, cell + OFFSET_AT);
        length = cells.get(ValueLayout.JAVA_LONG, cell + LENGTH_AT);
        sequence = cells.get(ValueLayout.JAVA_LONG, cell + SEQUENCE_AT);
        pts = cells.get(ValueLayout.JAVA_LONG, cell + PTS_AT);
        duration = cells.get(ValueLayout.JAVA_LONG, cell + DURATION_AT);
        position++;
        return true;
    }

    /** How many buffers this side published or took. */
    long position() {
        return position;
    }

    int slot() {
        return slot;
    }

    int flags() {
        return flags;
    }

    long offset() {
        return offset;
    }

    long length() {
        return length;
    }

    long sequence() {
        return sequence;
    }

    long pts() {
        return pts;
    }

    long duration() {
        return duration;
    }

    /** Buffer flags as the cell carries them: bit {@code ordinal()} per flag. */
    static int flagBits(Set<BufferFlag> flags) {
        int bits = 0;
        for (BufferFlag flag : flags) {
            bits |= 1 << flag.ordinal();
        }
        return bits;
    }

    /**
     * The flags of {@code bits}.
     *
     * @throws IllegalArgumentException if a bit names no flag
     */
    static Set<BufferFlag> flags(int bits) {
        if (bits == 0) {
            return Set.of();
        }
        BufferFlag[] all = BufferFlag.values();
        if ((bits >>> all.length) != 0) {
            throw new IllegalArgumentException("flag bits 0x" + Integer.toHexString(bits) + " name no flag");
        }
        EnumSet<BufferFlag> flags = EnumSet.noneOf(BufferFlag.class);
        for (BufferFlag flag : all) {
            if ((bits & 1 << flag.ordinal()) != 0) {
                flags.add(flag);
            }
        }
        return flags;
    }
}

package dev.parallax.core.internal.pipeline.ipc;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Where everything lies in a transport's shared memory file: a header, the sent ring, the returned ring and the
 * slots.
 *
 * <pre>
 * 0     header: magic, protocol version, slots, slot size, ring capacity (one cache line)
 * 64    receiver-sleeping flag (its own line: the receiver sets it before it parks)
 * 128   sender-sleeping flag (its own line)
 * 192   returned ring's claim counter (its own line: every releasing thread adds to it)
 * 256   sent ring: capacity cells of 64 bytes
 * ...   returned ring: capacity cells of 8 bytes
 * ...   slots, from a page boundary, each {@code stride} bytes apart (the slot size rounded up to a cache line)
 * </pre>
 *
 * <p>Every number is in the machine's byte order: both processes run on the same machine.
 *
 * @param slots the number of slots
 * @param slotSize the bytes in a slot
 * @param capacity cells per ring: the smallest power of two at least {@code slots}; as each cell in use holds a
 *     distinct slot, a ring can never be full
 * @param stride the distance between slots
 * @param sentRing where the sent ring starts
 * @param returnRing where the returned ring starts
 * @param slotArea where slot 0 starts
 * @param fileSize the file's size
 */
record ShmLayout(
        int slots,
        long slotSize,
        int capacity,
        long stride,
        long sentRing,
        long returnRing,
        long slotArea,
        long fileSize) {
    /** The protocol version, in the header and in HELLO: both sides must agree on it. */
    static final int VERSION = 1;

    /** The most slots a transport may have. */
    static final int MAX_SLOTS = 1 << 16;

    /** The largest slot. */
    static final long MAX_SLOT_SIZE = 1L << 30;

    /** {@code PLXIPC01} read as a little-endian long. */
    static final long MAGIC = 0x3130_4350_494c_5850L;

    static final long CACHE_LINE = 64;
    static final long PAGE = 4096;

    static final long MAGIC_AT = 0;
    static final long VERSION_AT = 8;
    static final long SLOTS_AT = 12;
    static final long SLOT_SIZE_AT = 16;
    static final long CAPACITY_AT = 24;
    static final long RECEIVER_SLEEPING_AT = 64;
    static final long SENDER_SLEEPING_AT = 128;
    static final long RETURN_CLAIM_AT = 192;
    static final long HEADER = 256;

    /** Bytes per sent-ring cell: one cache line, so that the two sides touch neighbouring cells independently. */
    static final long SENT_CELL = 64;

    /** Bytes per returned-ring cell: a stamp and a slot index in one long. */
    static final long RETURN_CELL = 8;

    /**
     * The layout for {@code slots} slots of {@code slotSize} bytes.
     *
     * @throws IllegalArgumentException if either is out of range, naming it and the range
     */
    static ShmLayout of(int slots, long slotSize) {
        if (slots < 1 || slots > MAX_SLOTS) {
            throw new IllegalArgumentException("Shared memory slots must be 1 to " + MAX_SLOTS + ": " + slots);
        }
        if (slotSize < 1 || slotSize > MAX_SLOT_SIZE) {
            throw new IllegalArgumentException(
                    "Shared memory slot size must be 1 to " + MAX_SLOT_SIZE + " bytes: " + slotSize);
        }
        int capacity = Integer.highestOneBit(slots) == slots ? slots : Integer.highestOneBit(slots) << 1;
        long stride = roundUp(slotSize, CACHE_LINE);
        long sentRing = HEADER;
        long returnRing = sentRing + capacity * SENT_CELL;
        long slotArea = roundUp(returnRing + capacity * RETURN_CELL, PAGE);
        long fileSize = slotArea + slots * stride;
        return new ShmLayout(slots, slotSize, capacity, stride, sentRing, returnRing, slotArea, fileSize);
    }

    private static long roundUp(long value, long unit) {
        return (value + unit - 1) & -unit;
    }

    /** Writes the header of a new file. */
    void writeHeader(MemorySegment file) {
        file.set(ValueLayout.JAVA_INT, VERSION_AT, VERSION);
        file.set(ValueLayout.JAVA_INT, SLOTS_AT, slots);
        file.set(ValueLayout.JAVA_LONG, SLOT_SIZE_AT, slotSize);
        file.set(ValueLayout.JAVA_INT, CAPACITY_AT, capacity);
        // the magic last: a file with the magic has a complete header
        file.set(ValueLayout.JAVA_LONG, MAGIC_AT, MAGIC);
    }

    /**
     * Checks that a mapped file's header describes this layout.
     *
     * @throws IllegalStateException naming the file, the field, what it holds and what was expected
     */
    void checkHeader(MemorySegment file, String name) {
        long magic = file.get(ValueLayout.JAVA_LONG, MAGIC_AT);
        if (magic != MAGIC) {
            throw new IllegalStateException("Shared memory file '" + name + "' is not a Parallax transport: magic 0x"
                    + Long.toHexString(magic) + ", expected 0x" + Long.toHexString(MAGIC));
        }
        expect(name, "protocol version", file.get(ValueLayout.JAVA_INT, VERSION_AT), VERSION);
        expect(name, "slots", file.get(ValueLayout.JAVA_INT, SLOTS_AT), slots);
        expect(name, "slot size", file.get(ValueLayout.JAVA_LONG, SLOT_SIZE_AT), slotSize);
        expect(name, "ring capacity", file.get(ValueLayout.JAVA_INT, CAPACITY_AT), capacity);
    }

    private static void expect(String name, String field, long actual, long expected) {
        if (actual != expected) {
            throw new IllegalStateException("Shared memory file '" + name + "' has " + field + " " + actual
                    + " but the sender announced " + expected);
        }
    }
}

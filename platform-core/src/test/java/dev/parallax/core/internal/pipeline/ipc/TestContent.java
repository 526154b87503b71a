package dev.parallax.core.internal.pipeline.ipc;

import dev.parallax.api.buffer.BufferFlag;
import dev.parallax.api.buffer.Metadata;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Set;

/**
 * The known content of test buffer number {@code seq}, computed independently on both sides: a length that jumps
 * around the slot size (1 byte to a full slot, so short buffers and full slots both occur), bytes that differ by
 * buffer and position, and metadata with every field set.
 */
final class TestContent {
    private TestContent() {}

    static long length(long seq, long slotSize) {
        return 1 + Math.floorMod(seq * 2_654_435_761L, slotSize);
    }

    static byte at(long seq, long index) {
        return (byte) (seq * 131 + index * 7 + (index >>> 8));
    }

    static void fill(MemorySegment segment, long seq) {
        for (long i = 0; i < segment.byteSize(); i++) {
            segment.set(ValueLayout.JAVA_BYTE, i, at(seq, i));
        }
    }

    static byte[] bytes(long seq, long slotSize) {
        byte[] bytes = new byte[(int) length(seq, slotSize)];
        fill(MemorySegment.ofArray(bytes), seq);
        return bytes;
    }

    static Metadata metadata(long seq) {
        Set<BufferFlag> flags = seq % 7 == 0 ? Set.of(BufferFlag.DISCONTINUITY, BufferFlag.HEADER) : Set.of();
        return Metadata.EMPTY.withSequence(seq).withTimes(seq * 1000, 1000).withFlags(flags);
    }

    /** The first difference between {@code segment} and buffer {@code seq}'s content, or null if none. */
    static String mismatch(MemorySegment segment, long seq, long slotSize) {
        long expected = length(seq, slotSize);
        if (segment.byteSize() != expected) {
            return "buffer " + seq + " has " + segment.byteSize() + " bytes, expected " + expected;
        }
        for (long i = 0; i < expected; i++) {
            byte actual = segment.get(ValueLayout.JAVA_BYTE, i);
            if (actual != at(seq, i)) {
                return "buffer " + seq + " byte " + i + " is " + actual + ", expected " + at(seq, i);
            }
        }
        return null;
    }
}

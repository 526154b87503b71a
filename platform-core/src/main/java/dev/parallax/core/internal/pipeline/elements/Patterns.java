package dev.parallax.core.internal.pipeline.elements;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/** The bytes {@code testsrc} writes: each pattern as a function of the buffer's sequence number. */
final class Patterns {
    private static final ValueLayout.OfLong LONG_LE =
            ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    /** {@code i mod 256} for i up to 65535 + 255: every row of a ramp is a slice of it. */
    private static final MemorySegment RAMP;

    static {
        byte[] ramp = new byte[65536 + 256];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = (byte) i;
        }
        RAMP = MemorySegment.ofArray(ramp);
    }

    private Patterns() {}

    /** A ramp: rows of {@code row} bytes, byte x of row y being {@code (x + y) mod 256}. */
    static void ramp(MemorySegment segment, long row) {
        long size = segment.byteSize();
        long y = 0;
        for (long start = 0; start < size; start += row, y++) {
            long length = Math.min(row, size - start);
            // a row longer than the table is copied in table-sized pieces, each a multiple of 256 bytes
            for (long x = 0; x < length; x += 65536) {
                MemorySegment.copy(RAMP, (y + x) & 0xFF, segment, start + x, Math.min(65536, length - x));
            }
        }
    }

    /** The sequence number, little-endian, in the first 8 bytes (fewer if the buffer is smaller). */
    static void counter(MemorySegment segment, long sequence) {
        if (segment.byteSize() >= Long.BYTES) {
            segment.set(LONG_LE, 0, sequence);
            return;
        }
        for (int i = 0; i < segment.byteSize(); i++) {
            segment.set(ValueLayout.JAVA_BYTE, i, (byte) (sequence >>> (8 * i)));
        }
    }

    /** Bytes of SplitMix64 seeded by {@code seed} and {@code sequence}: the same for the same two, on any machine. */
    static void random(MemorySegment segment, long seed, long sequence) {
        long state = seed ^ (sequence * 0xD1B54A32D192ED03L);
        long size = segment.byteSize();
        long offset = 0;
        for (; offset + Long.BYTES <= size; offset += Long.BYTES) {
            state += 0x9E3779B97F4A7C15L;
            segment.set(LONG_LE, offset, mix(state));
        }
        state += 0x9E3779B97F4A7C15L;
        long last = mix(state);
        for (int i = 0; offset < size; offset++, i++) {
            segment.set(ValueLayout.JAVA_BYTE, offset, (byte) (last >>> (8 * i)));
        }
    }

    /** SplitMix64's output function (Steele, Lea and Flood, 2014). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

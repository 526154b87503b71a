package dev.parallax.plugin.threshold.internal.kernels;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import dev.parallax.api.image.Decimate;
import dev.parallax.api.image.Gray8;
import dev.parallax.api.image.KernelImpl;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * 2x decimation with the Vector API, byte for byte the same as {@link ScalarDecimate}: a vector of source bytes
 * read as 16-bit lanes and narrowed to bytes keeps the low byte of each pair, which on a little-endian machine is
 * the even pixel.
 */
final class VectorDecimate implements Decimate {
    private static final VectorSpecies<Byte> SOURCE = ByteVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Byte> HALF =
            VectorSpecies.of(byte.class, VectorShape.forBitSize(SOURCE.vectorBitSize() / 2));
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    @Override
    public void decimate2(Gray8 src, Gray8 dst) {
        Checks.halfSize(src, dst);
        MemorySegment in = src.pixels();
        MemorySegment out = dst.pixels();
        int step = HALF.length(); // output pixels per vector
        int w = src.width();
        int ow = dst.width();
        // the source bytes a vector reads must lie in the row: 2x + 2 step <= w
        int bound = w < 2 * step ? 0 : (w - 2 * step) / 2 + 1;
        for (int y = 0; y < dst.height(); y++) {
            long inRow = 2L * y * src.stride();
            long outRow = (long) y * dst.stride();
            int x = 0;
            // no unroll: one load, one narrowing and one store; bound by memory
            for (; x < bound; x += step) { // every x below bound is a start whose source bytes lie in the row
                evenBytes(in, inRow + 2L * x).intoMemorySegment(out, outRow + x, ORDER);
            }
            // vector tail: one more vector from the last valid start, overlapping; a copy is idempotent
            if (bound > 0 && x < ow && bound - 1 + step > x) {
                evenBytes(in, inRow + 2L * (bound - 1)).intoMemorySegment(out, outRow + bound - 1, ORDER);
                x = bound - 1 + step;
            }
            // scalar tail: the last pixel of odd widths, and rows narrower than a vector
            for (; x < ow; x++) {
                out.set(JAVA_BYTE, outRow + x, in.get(JAVA_BYTE, inRow + 2L * x));
            }
        }
    }

    @Override
    public String toString() {
        return "SIMD decimate";
    }

    @Override
    public KernelImpl impl() {
        return KernelImpl.SIMD;
    }

    private static ByteVector evenBytes(MemorySegment in, long offset) {
        return (ByteVector) ByteVector.fromMemorySegment(SOURCE, in, offset, ORDER)
                .reinterpretAsShorts()
                .convertShape(VectorOperators.S2B, HALF, 0);
    }
}

package dev.parallax.plugin.threshold.internal.kernels;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import dev.parallax.api.image.Gray8;
import dev.parallax.api.image.KernelImpl;
import dev.parallax.api.image.MeanThreshold;
import dev.parallax.api.image.MeanThresholdParams;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.Arrays;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The mean threshold with the Vector API, byte for byte the same as {@link ScalarMeanThreshold}: the column-sum
 * update and the per-pixel rule run on int lanes; the prefix sum along the row stays scalar (a serial dependency,
 * one add per pixel, as in OpenCV's row filter).
 */
final class VectorMeanThreshold implements MeanThreshold {
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
    /** As many byte lanes as int lanes: the pixels an int vector covers. */
    private static final VectorSpecies<Byte> PIXELS =
            VectorSpecies.of(byte.class, VectorShape.forBitSize(INTS.vectorBitSize() / 4));

    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private final ScratchPool<MeanScratch> pool = new ScratchPool<>(MeanScratch::new);

    @Override
    public void threshold(Gray8 src, Gray8 dst, MeanThresholdParams params) {
        Checks.sameSize("Mean threshold", src, dst);
        int w = src.width();
        int h = src.height();
        int k = params.blockSize();
        int r = k / 2;
        int n = k * k;
        int delta = params.delta();
        MemorySegment in = src.pixels();
        long stride = src.stride();
        MeanScratch s = pool.acquire();
        try {
            s.ensure(w, k);
            int[] column = s.column;
            Arrays.fill(column, 0, w, 0);
            for (int dy = -r; dy <= r; dy++) {
                updateColumns(in, Math.clamp(dy, 0, h - 1) * stride, -1, column, w);
            }
            for (int y = 0; y < h; y++) {
                if (y > 0) {
                    updateColumns(in, Math.min(y + r, h - 1) * stride, Math.max(y - r - 1, 0) * stride, column, w);
                }
                int[] prefix = s.prefix;
                int acc = 0;
                int left = column[0];
                int right = column[w - 1];
                prefix[0] = 0;
                for (int i = 1; i <= r; i++) {
                    acc += left;
                    prefix[i] = acc;
                }
                for (int x = 0; x < w; x++) {
                    acc += column[x];
                    prefix[r + 1 + x] = acc;
                }
                for (int i = r + 1 + w; i < w + k; i++) {
                    acc += right;
                    prefix[i] = acc;
                }
                thresholdRow(in, y * stride, dst.pixels(), (long) y * dst.stride(), prefix, w, k, n, delta);
            }
        } finally {
            pool.release(s);
        }
    }

    @Override
    public String toString() {
        return "SIMD mean threshold";
    }

    @Override
    public KernelImpl impl() {
        return KernelImpl.SIMD;
    }

    /** {@code column += row(add) - row(sub)}; {@code sub < 0} means only add. */
    private static void updateColumns(MemorySegment in, long add, long sub, int[] column, int w) {
        int step = INTS.length();
        int bound = w < step ? 0 : INTS.loopBound(w); // narrower than a vector: not worth vectorizing
        int x = 0;
        // no unroll: the loads and conversions of one vector keep both ALU ports busy
        for (; x < bound; x += step) {
            IntVector sum = IntVector.fromArray(INTS, column, x).add(widen(in, add + x));
            if (sub >= 0) {
                sum = sum.sub(widen(in, sub + x));
            }
            sum.intoArray(column, x);
        }
        // no vector tail: the update is not idempotent, so the rest cannot overlap
        // scalar tail
        for (; x < w; x++) {
            int v = Byte.toUnsignedInt(in.get(JAVA_BYTE, add + x));
            column[x] += sub >= 0 ? v - Byte.toUnsignedInt(in.get(JAVA_BYTE, sub + x)) : v;
        }
    }

    private static IntVector widen(MemorySegment in, long offset) {
        return (IntVector) ByteVector.fromMemorySegment(PIXELS, in, offset, ORDER)
                .convertShape(VectorOperators.ZERO_EXTEND_B2I, INTS, 0);
    }

    private static void thresholdRow(
            MemorySegment in, long inRow, MemorySegment out, long outRow, int[] prefix, int w, int k, int n, int d) {
        int step = INTS.length();
        int bound = w < step ? 0 : INTS.loopBound(w); // narrower than a vector: not worth vectorizing
        int x = 0;
        // no unroll: each vector is independent and the JIT overlaps iterations by itself
        for (; x < bound; x += step) {
            thresholdAt(in, inRow, out, outRow, prefix, k, n, d, x);
        }
        // vector tail: one vector ending at the last pixel; each output byte depends only on its own inputs
        if (x < w && w >= step) {
            thresholdAt(in, inRow, out, outRow, prefix, k, n, d, w - step);
            x = w;
        }
        // scalar tail: only for rows narrower than a vector
        for (; x < w; x++) {
            int box = prefix[x + k] - prefix[x];
            int t = MeanRule.target(Byte.toUnsignedInt(in.get(JAVA_BYTE, inRow + x)), d);
            out.set(JAVA_BYTE, outRow + x, 2 * box < (2 * t - 1) * n ? (byte) 255 : 0);
        }
    }

    private static void thresholdAt(
            MemorySegment in, long inRow, MemorySegment out, long outRow, int[] prefix, int k, int n, int d, int x) {
        IntVector box = IntVector.fromArray(INTS, prefix, x + k).sub(IntVector.fromArray(INTS, prefix, x));
        IntVector t = widen(in, inRow + x).add(d).max(0).min(256);
        VectorMask<Integer> set = box.add(box).lt(t.add(t).sub(1).mul(n));
        ByteVector.zero(PIXELS).blend((byte) -1, set.cast(PIXELS)).intoMemorySegment(out, outRow + x, ORDER);
    }
}

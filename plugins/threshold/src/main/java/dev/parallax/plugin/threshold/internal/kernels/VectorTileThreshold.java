package dev.parallax.plugin.threshold.internal.kernels;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import dev.parallax.api.image.Gray8;
import dev.parallax.api.image.KernelImpl;
import dev.parallax.api.image.TileThreshold;
import dev.parallax.api.image.TileThresholdParams;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.Arrays;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The tile min/max threshold with the Vector API, byte for byte the same as {@link ScalarTileThreshold}.
 *
 * <p>Three passes: per tile row, the column-wise extrema of its pixel rows (vector), reduced per tile (scalar, a
 * {@code 1/tileSize} of the pixels); the 3x3 widening on the tile grid ({@link TileGrid}); then per pixel row a
 * compare-and-blend against a row of per-pixel thresholds expanded once per tile row (vector). A tile of low
 * contrast gets threshold 255, which no pixel exceeds, and 127 as its "not above" value, so the pixel loop has no
 * branch.
 */
final class VectorTileThreshold implements TileThreshold {
    private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_PREFERRED;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private final ScratchPool<TileScratch> pool = new ScratchPool<>(TileScratch::new);

    @Override
    public void threshold(Gray8 src, Gray8 dst, TileThresholdParams params) {
        Checks.sameSize("Tile threshold", src, dst);
        int t = params.tileSize();
        int w = src.width();
        int h = src.height();
        int tw = w / t;
        int th = h / t;
        if (tw == 0 || th == 0) {
            dst.fill(127); // no full tile, no statistics: unknown, as in ScalarTileThreshold
            return;
        }
        TileScratch s = pool.acquire();
        try {
            s.ensure(tw * th, w);
            tileExtrema(src, t, tw, th, s);
            TileGrid.widen(s, tw, th);
            for (int ty = 0; ty < th; ty++) {
                expandThresholds(s, t, tw, ty, w, params.minWhiteBlackDiff());
                for (int y = ty * t; y < ty * t + t; y++) {
                    thresholdRow(src, dst, y, s.thr, s.lo);
                }
            }
            if (th * t < h) {
                expandThresholds(s, t, tw, th - 1, w, 0); // bottom partial rows: the last tile row, never 127
                for (int y = th * t; y < h; y++) {
                    thresholdRow(src, dst, y, s.thr, s.lo);
                }
            }
        } finally {
            pool.release(s);
        }
    }

    @Override
    public String toString() {
        return "SIMD tile threshold";
    }

    @Override
    public KernelImpl impl() {
        return KernelImpl.SIMD;
    }

    /** Per-tile extrema into {@code s.min}/{@code s.max}, using {@code s.thr}/{@code s.lo} as row accumulators. */
    private static void tileExtrema(Gray8 src, int t, int tw, int th, TileScratch s) {
        MemorySegment in = src.pixels();
        int fullWidth = tw * t;
        byte[] rowMin = s.thr;
        byte[] rowMax = s.lo;
        for (int ty = 0; ty < th; ty++) {
            long first = (long) ty * t * src.stride();
            MemorySegment.copy(in, JAVA_BYTE, first, rowMin, 0, fullWidth);
            System.arraycopy(rowMin, 0, rowMax, 0, fullWidth);
            for (int dy = 1; dy < t; dy++) {
                accumulateExtrema(in, first + (long) dy * src.stride(), rowMin, rowMax, fullWidth);
            }
            int tile = ty * tw;
            for (int tx = 0; tx < tw; tx++) {
                int min = 255;
                int max = 0;
                for (int x = tx * t; x < tx * t + t; x++) {
                    min = Math.min(min, Byte.toUnsignedInt(rowMin[x]));
                    max = Math.max(max, Byte.toUnsignedInt(rowMax[x]));
                }
                s.min[tile + tx] = (byte) min;
                s.max[tile + tx] = (byte) max;
            }
        }
    }

    /** {@code rowMin = umin(rowMin, row)}, {@code rowMax = umax(rowMax, row)} over {@code n} pixels. */
    private static void accumulateExtrema(MemorySegment in, long row, byte[] rowMin, byte[] rowMax, int n) {
        int step = BYTES.length();
        if (n < step) { // not worth vectorizing
            scalarExtrema(in, row, rowMin, rowMax, 0, n);
            return;
        }
        int bound = BYTES.loopBound(n);
        int x = 0;
        // no unroll: two loads, two min/max and two stores per vector already saturate the load ports
        for (; x < bound; x += step) {
            extremaAt(in, row, rowMin, rowMax, x);
        }
        // vector tail: one vector ending at the last pixel; min and max are idempotent, so the overlap is harmless
        if (x < n) {
            extremaAt(in, row, rowMin, rowMax, n - step);
        }
    }

    private static void extremaAt(MemorySegment in, long row, byte[] rowMin, byte[] rowMax, int x) {
        ByteVector v = ByteVector.fromMemorySegment(BYTES, in, row + x, ORDER);
        ByteVector.fromArray(BYTES, rowMin, x).lanewise(VectorOperators.UMIN, v).intoArray(rowMin, x);
        ByteVector.fromArray(BYTES, rowMax, x).lanewise(VectorOperators.UMAX, v).intoArray(rowMax, x);
    }

    private static void scalarExtrema(MemorySegment in, long row, byte[] rowMin, byte[] rowMax, int from, int to) {
        for (int x = from; x < to; x++) {
            int v = Byte.toUnsignedInt(in.get(JAVA_BYTE, row + x));
            rowMin[x] = (byte) Math.min(Byte.toUnsignedInt(rowMin[x]), v);
            rowMax[x] = (byte) Math.max(Byte.toUnsignedInt(rowMax[x]), v);
        }
    }

    /**
     * Fills {@code s.thr} and {@code s.lo} for the pixels of tile row {@code ty}; the partial column at the right
     * takes the last full tile's threshold and is never 127. {@code minDiff} 0 marks no tile as low contrast.
     */
    private static void expandThresholds(TileScratch s, int t, int tw, int ty, int w, int minDiff) {
        for (int tx = 0; tx < tw; tx++) {
            int min = Byte.toUnsignedInt(s.min[ty * tw + tx]);
            int max = Byte.toUnsignedInt(s.max[ty * tw + tx]);
            boolean lowContrast = max - min < minDiff;
            Arrays.fill(s.thr, tx * t, tx * t + t, (byte) (lowContrast ? 255 : min + (max - min) / 2));
            Arrays.fill(s.lo, tx * t, tx * t + t, (byte) (lowContrast ? 127 : 0));
        }
        if (tw * t < w) {
            int min = Byte.toUnsignedInt(s.min[ty * tw + tw - 1]);
            int max = Byte.toUnsignedInt(s.max[ty * tw + tw - 1]);
            Arrays.fill(s.thr, tw * t, w, (byte) (min + (max - min) / 2));
            Arrays.fill(s.lo, tw * t, w, (byte) 0);
        }
    }

    /** {@code dst[x] = src[x] > thr[x] ? 255 : lo[x]} (unsigned) along row {@code y}. */
    private static void thresholdRow(Gray8 src, Gray8 dst, int y, byte[] thr, byte[] lo) {
        MemorySegment in = src.pixels();
        MemorySegment out = dst.pixels();
        long inRow = (long) y * src.stride();
        long outRow = (long) y * dst.stride();
        int w = src.width();
        int step = BYTES.length();
        if (w < step) { // not worth vectorizing
            for (int x = 0; x < w; x++) {
                int v = Byte.toUnsignedInt(in.get(JAVA_BYTE, inRow + x));
                byte r = v > Byte.toUnsignedInt(thr[x]) ? (byte) 255 : lo[x];
                out.set(JAVA_BYTE, outRow + x, r);
            }
            return;
        }
        int bound = BYTES.loopBound(w);
        int x = 0;
        // no unroll: three loads and a store per vector; the loop is bound by memory, not by dependencies
        for (; x < bound; x += step) {
            thresholdAt(in, inRow, out, outRow, thr, lo, x);
        }
        // vector tail: one vector ending at the last pixel; each output byte depends only on its own inputs
        if (x < w) {
            thresholdAt(in, inRow, out, outRow, thr, lo, w - step);
        }
    }

    private static void thresholdAt(
            MemorySegment in, long inRow, MemorySegment out, long outRow, byte[] thr, byte[] lo, int x) {
        ByteVector v = ByteVector.fromMemorySegment(BYTES, in, inRow + x, ORDER);
        VectorMask<Byte> above = v.compare(VectorOperators.UGT, ByteVector.fromArray(BYTES, thr, x));
        ByteVector.fromArray(BYTES, lo, x).blend((byte) -1, above).intoMemorySegment(out, outRow + x, ORDER);
    }
}

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
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The tile min/max threshold with the Vector API, byte for byte the same as {@link ScalarTileThreshold}.
 *
 * <p>Three passes. Per tile row, the tiles' extrema: at tile size 4 (AprilTag's) straight from the 4 pixel rows
 * with tiles as int lanes ({@link #extremaQuads}); at other sizes column-wise extrema of the pixel rows (vector)
 * reduced per tile (scalar, a {@code 1/tileSize} of the pixels). Then the 3x3 widening on the tile grid, 3 wide
 * then 3 high (vector). Then per pixel row a compare-and-blend against a row of per-pixel thresholds, computed
 * and spread once per tile row (vector at tile size 4). A tile of low contrast gets threshold 255, which no pixel
 * exceeds, and 127 as its "not above" value, so the pixel loop has no branch.
 */
final class VectorTileThreshold implements TileThreshold {
    private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_PREFERRED;
    /** One int lane per tile of 4 pixels: the same shape as {@link #BYTES}. */
    private static final VectorSpecies<Integer> QUADS = IntVector.SPECIES_PREFERRED;

    /** One byte per int lane of {@link #QUADS}: the tiles whose pixels one vector of {@link #BYTES} holds. */
    private static final VectorSpecies<Byte> TILE_BYTES =
            VectorSpecies.of(byte.class, VectorShape.forBitSize(QUADS.vectorBitSize() / 4));

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
            s.ensure(tw * th, w, QUADS.length());
            tileExtrema(src, t, tw, th, s);
            widen(s, tw, th);
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
            if (t == 4 && tw >= QUADS.length()) {
                extremaQuads(in, first, src.stride(), s.min, s.max, ty * tw, tw, s.lanes);
                continue;
            }
            MemorySegment.copy(in, JAVA_BYTE, first, rowMin, 0, fullWidth);
            System.arraycopy(rowMin, 0, rowMax, 0, fullWidth);
            for (int dy = 1; dy < t; dy++) {
                accumulateExtrema(in, first + (long) dy * src.stride(), rowMin, rowMax, fullWidth);
            }
            for (int tx = 0; tx < tw; tx++) { // any tile size but 4, or rows of fewer tiles than a vector
                int min = 255;
                int max = 0;
                for (int x = tx * t; x < tx * t + t; x++) {
                    min = Math.min(min, Byte.toUnsignedInt(rowMin[x]));
                    max = Math.max(max, Byte.toUnsignedInt(rowMax[x]));
                }
                s.min[ty * tw + tx] = (byte) min;
                s.max[ty * tw + tx] = (byte) max;
            }
        }
    }

    /**
     * At tile size 4, the extrema of a tile row straight from the pixels: the 4 rows of a vector of tiles folded
     * together in registers, then each int lane (one tile's 4 columns) folded onto itself shifted by 8 and 16 bits,
     * which leaves the tile's extremum in its low byte.
     */
    private static void extremaQuads(
            MemorySegment in, long first, long stride, byte[] mins, byte[] maxs, int base, int tw, int[] lanes) {
        int step = QUADS.length(); // tiles per vector
        int tx = 0;
        // no unroll: four loads and a dozen folds per vector are plenty of independent work
        for (; tx + step <= tw; tx += step) {
            quadsAt(in, first + tx * 4L, stride, mins, maxs, base + tx, lanes);
        }
        // vector tail: one vector ending at the last tile; extrema of the same pixels are the same bytes
        if (tx < tw) {
            quadsAt(in, first + (tw - step) * 4L, stride, mins, maxs, base + tw - step, lanes);
        }
    }

    private static void quadsAt(
            MemorySegment in, long at, long stride, byte[] mins, byte[] maxs, int tile, int[] lanes) {
        ByteVector r0 = ByteVector.fromMemorySegment(BYTES, in, at, ORDER);
        ByteVector r1 = ByteVector.fromMemorySegment(BYTES, in, at + stride, ORDER);
        ByteVector r2 = ByteVector.fromMemorySegment(BYTES, in, at + 2 * stride, ORDER);
        ByteVector r3 = ByteVector.fromMemorySegment(BYTES, in, at + 3 * stride, ORDER);
        ByteVector min = r0.lanewise(VectorOperators.UMIN, r1)
                .lanewise(VectorOperators.UMIN, r2.lanewise(VectorOperators.UMIN, r3));
        ByteVector max = r0.lanewise(VectorOperators.UMAX, r1)
                .lanewise(VectorOperators.UMAX, r2.lanewise(VectorOperators.UMAX, r3));
        lowBytes(foldMin(min), lanes, mins, tile);
        lowBytes(foldMax(max), lanes, maxs, tile);
    }

    // foldMin and foldMax, threeMin and threeMax: one method per operator, because the JIT intrinsifies a vector
    // operation only when its operator is a constant; passed as a parameter it would box every vector.
    private static IntVector foldMin(ByteVector pixels) {
        ByteVector pairs = pixels.lanewise(VectorOperators.UMIN, shifted(pixels, 8));
        return pairs.lanewise(VectorOperators.UMIN, shifted(pairs, 16)).reinterpretAsInts();
    }

    private static IntVector foldMax(ByteVector pixels) {
        ByteVector pairs = pixels.lanewise(VectorOperators.UMAX, shifted(pixels, 8));
        return pairs.lanewise(VectorOperators.UMAX, shifted(pairs, 16)).reinterpretAsInts();
    }

    /**
     * Stores the low byte of each lane: a scalar loop, because narrowing ints to a quarter-width byte vector is not
     * intrinsified on AVX2 and would box every vector.
     */
    private static void lowBytes(IntVector folded, int[] lanes, byte[] out, int at) {
        folded.intoArray(lanes, 0);
        for (int i = 0; i < lanes.length; i++) {
            out[at + i] = (byte) lanes[i];
        }
    }

    /** Each int lane shifted right by {@code bits}: byte k of a lane moves to byte k - bits / 8. */
    private static ByteVector shifted(ByteVector v, int bits) {
        return v.reinterpretAsInts().lanewise(VectorOperators.LSHR, bits).reinterpretAsBytes();
    }

    /**
     * {@link TileGrid#widen} a vector of tiles at a time: a 3-wide pass along each tile row into the tmp arrays, then
     * a 3-high pass back. Neighbours outside the grid are replaced by the tile itself, which changes no extremum.
     */
    private static void widen(TileScratch s, int tw, int th) {
        for (int ty = 0; ty < th; ty++) {
            int row = ty * tw;
            int left = tw > 1 ? 1 : 0;
            // tiles 1 .. tw-2 see tx-1, tx, tx+1; the first and last see themselves in place of the missing one
            threeMin(s.min, row, row, row + left, s.tmpMin, row, 1);
            threeMax(s.max, row, row, row + left, s.tmpMax, row, 1);
            if (tw > 2) {
                threeMin(s.min, row, row + 1, row + 2, s.tmpMin, row + 1, tw - 2);
                threeMax(s.max, row, row + 1, row + 2, s.tmpMax, row + 1, tw - 2);
            }
            if (tw > 1) {
                int last = row + tw - 1;
                threeMin(s.min, last - 1, last, last, s.tmpMin, last, 1);
                threeMax(s.max, last - 1, last, last, s.tmpMax, last, 1);
            }
        }
        for (int ty = 0; ty < th; ty++) {
            int up = Math.max(ty - 1, 0) * tw;
            int down = Math.min(ty + 1, th - 1) * tw;
            threeMin(s.tmpMin, up, ty * tw, down, s.min, ty * tw, tw);
            threeMax(s.tmpMax, up, ty * tw, down, s.max, ty * tw, tw);
        }
    }

    /** {@code out[o + i] = umin(in[a + i], in[b + i], in[c + i])} for {@code i < n}; {@code out} is not {@code in}. */
    private static void threeMin(byte[] in, int a, int b, int c, byte[] out, int o, int n) {
        int step = BYTES.length();
        int i = 0;
        if (n >= step) { // worth vectorizing
            // no unroll: three loads, two folds and a store per vector
            for (; i + step <= n; i += step) {
                threeMinAt(in, a, b, c, out, o, i);
            }
            // vector tail: one vector ending at the last element; each output depends only on its own inputs
            if (i < n) {
                threeMinAt(in, a, b, c, out, o, n - step);
                i = n;
            }
        }
        // scalar tail: only for runs shorter than a vector
        for (; i < n; i++) {
            int m = Math.min(Byte.toUnsignedInt(in[a + i]), Byte.toUnsignedInt(in[b + i]));
            out[o + i] = (byte) Math.min(m, Byte.toUnsignedInt(in[c + i]));
        }
    }

    /** {@code out[o + i] = umax(in[a + i], in[b + i], in[c + i])} for {@code i < n}; {@code out} is not {@code in}. */
    private static void threeMax(byte[] in, int a, int b, int c, byte[] out, int o, int n) {
        int step = BYTES.length();
        int i = 0;
        if (n >= step) { // worth vectorizing
            // no unroll: three loads, two folds and a store per vector
            for (; i + step <= n; i += step) {
                threeMaxAt(in, a, b, c, out, o, i);
            }
            // vector tail: one vector ending at the last element; each output depends only on its own inputs
            if (i < n) {
                threeMaxAt(in, a, b, c, out, o, n - step);
                i = n;
            }
        }
        // scalar tail: only for runs shorter than a vector
        for (; i < n; i++) {
            int m = Math.max(Byte.toUnsignedInt(in[a + i]), Byte.toUnsignedInt(in[b + i]));
            out[o + i] = (byte) Math.max(m, Byte.toUnsignedInt(in[c + i]));
        }
    }

    private static void threeMinAt(byte[] in, int a, int b, int c, byte[] out, int o, int i) {
        ByteVector.fromArray(BYTES, in, a + i)
                .lanewise(VectorOperators.UMIN, ByteVector.fromArray(BYTES, in, b + i))
                .lanewise(VectorOperators.UMIN, ByteVector.fromArray(BYTES, in, c + i))
                .intoArray(out, o + i);
    }

    private static void threeMaxAt(byte[] in, int a, int b, int c, byte[] out, int o, int i) {
        ByteVector.fromArray(BYTES, in, a + i)
                .lanewise(VectorOperators.UMAX, ByteVector.fromArray(BYTES, in, b + i))
                .lanewise(VectorOperators.UMAX, ByteVector.fromArray(BYTES, in, c + i))
                .intoArray(out, o + i);
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
        int tx = t == 4 ? expandQuads(s, tw, ty, minDiff) : 0;
        for (; tx < tw; tx++) { // scalar tail, or any tile size but 4
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

    /**
     * At tile size 4: the threshold and "not above" value of a vector of tiles at once, then each tile's bytes
     * spread to its 4 pixels by widening to int lanes and multiplying by 0x01010101. Returns the first tile left
     * for the scalar tail.
     */
    private static int expandQuads(TileScratch s, int tw, int ty, int minDiff) {
        int base = ty * tw;
        int step = BYTES.length();
        if (tw < step) { // not worth vectorizing
            return 0;
        }
        int tx = 0;
        // no unroll: a dozen independent operations per vector
        for (; tx + step <= tw; tx += step) {
            tileRule(s, base, tx, minDiff);
        }
        // vector tail: one vector ending at the last tile; the rule is a pure function of each tile
        if (tx < tw) {
            tileRule(s, base, tw - step, minDiff);
        }
        int lanes = QUADS.length();
        int i = 0;
        // no unroll: a load, a widening, a multiply and a store per vector
        for (; i + lanes <= tw; i += lanes) {
            spread(s.tileThr, i, s.thr);
            spread(s.tileLo, i, s.lo);
        }
        // vector tail: one vector ending at the last tile
        if (i < tw) {
            spread(s.tileThr, tw - lanes, s.thr);
            spread(s.tileLo, tw - lanes, s.lo);
        }
        return tw;
    }

    /** AprilTag's rule for the tiles {@code tx ..}: threshold min + (max - min) / 2, or 255 and 127 if low contrast. */
    private static void tileRule(TileScratch s, int base, int tx, int minDiff) {
        ByteVector min = ByteVector.fromArray(BYTES, s.min, base + tx);
        ByteVector diff = ByteVector.fromArray(BYTES, s.max, base + tx).sub(min); // max >= min: no wrap
        VectorMask<Byte> low = diff.compare(VectorOperators.ULT, (byte) minDiff);
        min.add(diff.lanewise(VectorOperators.LSHR, 1)).blend((byte) -1, low).intoArray(s.tileThr, tx);
        ByteVector.zero(BYTES).blend((byte) 127, low).intoArray(s.tileLo, tx);
    }

    private static void spread(byte[] tiles, int tx, byte[] pixels) {
        ((IntVector) ByteVector.fromArray(TILE_BYTES, tiles, tx)
                        .convertShape(VectorOperators.ZERO_EXTEND_B2I, QUADS, 0))
                .mul(0x01010101)
                .reinterpretAsBytes()
                .intoArray(pixels, tx * 4);
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

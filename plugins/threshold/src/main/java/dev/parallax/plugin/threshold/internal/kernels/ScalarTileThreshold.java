package dev.parallax.plugin.threshold.internal.kernels;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import dev.parallax.api.image.Gray8;
import dev.parallax.api.image.KernelImpl;
import dev.parallax.api.image.TileThreshold;
import dev.parallax.api.image.TileThresholdParams;
import java.lang.foreign.MemorySegment;

/**
 * The tile min/max threshold one pixel at a time, written to follow AprilTag 3's {@code threshold()} step by step:
 * the reference the Vector API version is tested against.
 */
final class ScalarTileThreshold implements TileThreshold {
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
            dst.fill(127); // no full tile, no statistics: unknown
            return;
        }
        TileScratch s = pool.acquire();
        try {
            s.ensure(tw * th, w, 0);
            tileExtrema(src, t, tw, th, s.min, s.max);
            TileGrid.widen(s, tw, th);
            fullTiles(src, dst, t, tw, th, params.minWhiteBlackDiff(), s.min, s.max);
            partialTiles(src, dst, t, tw, th, s.min, s.max);
        } finally {
            pool.release(s);
        }
    }

    @Override
    public String toString() {
        return "scalar tile threshold";
    }

    @Override
    public KernelImpl impl() {
        return KernelImpl.SCALAR;
    }

    private static void tileExtrema(Gray8 src, int t, int tw, int th, byte[] mins, byte[] maxs) {
        MemorySegment in = src.pixels();
        int stride = src.stride();
        for (int ty = 0; ty < th; ty++) {
            for (int tx = 0; tx < tw; tx++) {
                int max = 0;
                int min = 255;
                for (int dy = 0; dy < t; dy++) {
                    long row = (long) (ty * t + dy) * stride + tx * t;
                    for (int dx = 0; dx < t; dx++) {
                        int v = Byte.toUnsignedInt(in.get(JAVA_BYTE, row + dx));
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
                mins[ty * tw + tx] = (byte) min;
                maxs[ty * tw + tx] = (byte) max;
            }
        }
    }

    private static void fullTiles(Gray8 src, Gray8 dst, int t, int tw, int th, int minDiff, byte[] mins, byte[] maxs) {
        MemorySegment in = src.pixels();
        MemorySegment out = dst.pixels();
        for (int ty = 0; ty < th; ty++) {
            for (int tx = 0; tx < tw; tx++) {
                int min = Byte.toUnsignedInt(mins[ty * tw + tx]);
                int max = Byte.toUnsignedInt(maxs[ty * tw + tx]);
                boolean lowContrast = max - min < minDiff;
                int thresh = min + (max - min) / 2;
                for (int dy = 0; dy < t; dy++) {
                    long inRow = (long) (ty * t + dy) * src.stride() + tx * t;
                    long outRow = (long) (ty * t + dy) * dst.stride() + tx * t;
                    for (int dx = 0; dx < t; dx++) {
                        int v = Byte.toUnsignedInt(in.get(JAVA_BYTE, inRow + dx));
                        int result = lowContrast ? 127 : v > thresh ? 255 : 0;
                        out.set(JAVA_BYTE, outRow + dx, (byte) result);
                    }
                }
            }
        }
    }

    /** The pixels right of the last full tile column and below the last full tile row: never 127. */
    private static void partialTiles(Gray8 src, Gray8 dst, int t, int tw, int th, byte[] mins, byte[] maxs) {
        MemorySegment in = src.pixels();
        MemorySegment out = dst.pixels();
        for (int y = 0; y < src.height(); y++) {
            int x0 = y >= th * t ? 0 : tw * t;
            int ty = Math.min(y / t, th - 1);
            for (int x = x0; x < src.width(); x++) {
                int tx = Math.min(x / t, tw - 1);
                int min = Byte.toUnsignedInt(mins[ty * tw + tx]);
                int max = Byte.toUnsignedInt(maxs[ty * tw + tx]);
                int thresh = min + (max - min) / 2;
                int v = Byte.toUnsignedInt(in.get(JAVA_BYTE, (long) y * src.stride() + x));
                out.set(JAVA_BYTE, (long) y * dst.stride() + x, (byte) (v > thresh ? 255 : 0));
            }
        }
    }
}

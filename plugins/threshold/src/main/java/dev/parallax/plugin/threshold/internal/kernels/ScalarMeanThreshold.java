package dev.parallax.plugin.threshold.internal.kernels;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import dev.parallax.api.image.Gray8;
import dev.parallax.api.image.KernelImpl;
import dev.parallax.api.image.MeanThreshold;
import dev.parallax.api.image.MeanThresholdParams;
import java.lang.foreign.MemorySegment;

/**
 * The mean threshold one pixel at a time: running column sums over the block's rows (border rows replicated), a
 * prefix sum along the border-replicated row, then {@link MeanRule} per pixel.
 */
final class ScalarMeanThreshold implements MeanThreshold {
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
        MemorySegment out = dst.pixels();
        MeanScratch s = pool.acquire();
        try {
            s.ensure(w, k);
            int[] column = s.column;
            int[] prefix = s.prefix;
            for (int x = 0; x < w; x++) {
                int sum = 0;
                for (int dy = -r; dy <= r; dy++) {
                    sum += pixel(in, src, x, Math.clamp(dy, 0, h - 1));
                }
                column[x] = sum;
            }
            for (int y = 0; y < h; y++) {
                if (y > 0) {
                    int add = Math.min(y + r, h - 1);
                    int sub = Math.max(y - r - 1, 0);
                    for (int x = 0; x < w; x++) {
                        column[x] += pixel(in, src, x, add) - pixel(in, src, x, sub);
                    }
                }
                int acc = 0;
                prefix[0] = 0;
                for (int i = 0; i < w + k - 1; i++) {
                    acc += column[Math.clamp(i - r, 0, w - 1)];
                    prefix[i + 1] = acc;
                }
                long outRow = (long) y * dst.stride();
                for (int x = 0; x < w; x++) {
                    int box = prefix[x + k] - prefix[x];
                    int t = MeanRule.target(pixel(in, src, x, y), delta);
                    out.set(JAVA_BYTE, outRow + x, 2 * box < (2 * t - 1) * n ? (byte) 255 : 0);
                }
            }
        } finally {
            pool.release(s);
        }
    }

    @Override
    public String toString() {
        return "scalar mean threshold";
    }

    @Override
    public KernelImpl impl() {
        return KernelImpl.SCALAR;
    }

    private static int pixel(MemorySegment in, Gray8 src, int x, int y) {
        return Byte.toUnsignedInt(in.get(JAVA_BYTE, (long) y * src.stride() + x));
    }
}

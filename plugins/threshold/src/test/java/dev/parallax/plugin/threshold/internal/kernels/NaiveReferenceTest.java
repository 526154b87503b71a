package dev.parallax.plugin.threshold.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.parallax.api.image.Gray8;
import dev.parallax.api.image.MeanThresholdParams;
import dev.parallax.api.image.TileThresholdParams;
import org.junit.jupiter.api.Test;

/**
 * The scalar kernels against naive per-pixel transcriptions of the rules, for what the fixtures cannot cover:
 * AprilTag 3 only knows tile size 4, and OpenCV's fixtures have five block sizes. The naive versions recompute
 * everything per pixel straight from the definitions (3x3 tile neighbourhood; mean rounded in double).
 */
class NaiveReferenceTest {

    @Test
    void tileThreshold_everyTileSize_matchesNaiveDefinition() {
        for (int tile = 1; tile <= 9; tile++) {
            for (int[] size : new int[][] {{1, 1}, {5, 3}, {23, 19}, {64, 33}, {101, 7}}) {
                Gray8 src = Fixtures.random(size[0], size[1], tile * 7919L + size[0]);
                for (int minDiff : new int[] {0, 5, 200}) {
                    Gray8 dst = Gray8.allocate(size[0], size[1]);
                    Kernels.scalar().tile().threshold(src, dst, new TileThresholdParams(tile, minDiff));
                    assertArrayEquals(
                            naiveTile(src, tile, minDiff),
                            dst.toArray(),
                            "tile " + tile + " " + size[0] + "x" + size[1] + " min-diff " + minDiff);
                }
            }
        }
    }

    @Test
    void meanThreshold_manyBlockSizes_matchesNaiveDefinition() {
        for (int block = 3; block <= 41; block += 2) {
            for (int[] size : new int[][] {{1, 1}, {2, 9}, {17, 5}, {40, 31}}) {
                Gray8 src = Fixtures.random(size[0], size[1], block * 104729L + size[1]);
                for (double c : new double[] {0, 7, -4.5, 0.1}) {
                    Gray8 dst = Gray8.allocate(size[0], size[1]);
                    Kernels.scalar().mean().threshold(src, dst, new MeanThresholdParams(block, c));
                    assertArrayEquals(naiveMean(src, block, c), dst.toArray(), "block " + block + " c " + c);
                }
            }
        }
    }

    static byte[] naiveTile(Gray8 src, int t, int minDiff) {
        int w = src.width();
        int h = src.height();
        int tw = w / t;
        int th = h / t;
        byte[] out = new byte[w * h];
        if (tw == 0 || th == 0) {
            java.util.Arrays.fill(out, (byte) 127);
            return out;
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean partial = x >= tw * t || y >= th * t;
                int tx = Math.min(x / t, tw - 1);
                int ty = Math.min(y / t, th - 1);
                int min = 255;
                int max = 0;
                for (int ny = Math.max(ty - 1, 0); ny <= Math.min(ty + 1, th - 1); ny++) {
                    for (int nx = Math.max(tx - 1, 0); nx <= Math.min(tx + 1, tw - 1); nx++) {
                        for (int py = ny * t; py < ny * t + t; py++) {
                            for (int px = nx * t; px < nx * t + t; px++) {
                                min = Math.min(min, src.get(px, py));
                                max = Math.max(max, src.get(px, py));
                            }
                        }
                    }
                }
                int v = src.get(x, y);
                out[y * w + x] = !partial && max - min < minDiff ? 127 : v > min + (max - min) / 2 ? (byte) 255 : 0;
            }
        }
        return out;
    }

    static byte[] naiveMean(Gray8 src, int block, double c) {
        int w = src.width();
        int h = src.height();
        int r = block / 2;
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                long sum = 0;
                for (int dy = -r; dy <= r; dy++) {
                    for (int dx = -r; dx <= r; dx++) {
                        sum += src.get(Math.clamp(x + dx, 0, w - 1), Math.clamp(y + dy, 0, h - 1));
                    }
                }
                int mean = (int) Math.rint((double) sum / (block * block));
                out[y * w + x] = src.get(x, y) - mean > -(int) Math.ceil(c) ? (byte) 255 : 0;
            }
        }
        return out;
    }
}

package dev.parallax.plugin.threshold.internal.kernels;

/** Scratch of the tile threshold: per-tile extrema, their 3x3-widened copies and per-pixel rows. Grows, never shrinks. */
final class TileScratch {
    /** Per tile, {@code ty * tw + tx}: the tile's own extrema, then (after the blur) the widened ones. */
    byte[] min = new byte[0];

    byte[] max = new byte[0];
    byte[] tmpMin = new byte[0];
    byte[] tmpMax = new byte[0];

    /** Per pixel of a row: the threshold and the value of pixels not above it (0, or 127 in low-contrast tiles). */
    byte[] thr = new byte[0];

    byte[] lo = new byte[0];

    /** Per tile of a tile row: the threshold and the "not above" value, before they are spread to pixels. */
    byte[] tileThr = new byte[0];

    byte[] tileLo = new byte[0];

    /** The lanes of one int vector, for {@code VectorTileThreshold}. */
    int[] lanes = new int[0];

    void ensure(int tiles, int width, int vectorLanes) {
        if (lanes.length != vectorLanes) {
            lanes = new int[vectorLanes];
        }
        if (min.length < tiles) {
            min = new byte[tiles];
            max = new byte[tiles];
            tmpMin = new byte[tiles];
            tmpMax = new byte[tiles];
        }
        if (thr.length < width) {
            thr = new byte[width];
            lo = new byte[width];
            tileThr = new byte[width];
            tileLo = new byte[width];
        }
    }
}

package dev.parallax.plugin.threshold.internal.kernels;

/**
 * Widens every tile's extrema to those of its 3x3 neighbourhood of tiles, neighbours outside the grid left out, as
 * AprilTag 3 does. Separable: a 3-wide pass along each tile row into the scratch's tmp arrays, then a 3-high pass
 * back. The scalar version; {@code VectorTileThreshold} has its own.
 */
final class TileGrid {
    private TileGrid() {}

    static void widen(TileScratch s, int tw, int th) {
        for (int ty = 0; ty < th; ty++) {
            int row = ty * tw;
            for (int tx = 0; tx < tw; tx++) {
                int lo = row + Math.max(tx - 1, 0);
                int hi = row + Math.min(tx + 1, tw - 1);
                int min = 255;
                int max = 0;
                for (int i = lo; i <= hi; i++) {
                    min = Math.min(min, Byte.toUnsignedInt(s.min[i]));
                    max = Math.max(max, Byte.toUnsignedInt(s.max[i]));
                }
                s.tmpMin[row + tx] = (byte) min;
                s.tmpMax[row + tx] = (byte) max;
            }
        }
        for (int ty = 0; ty < th; ty++) {
            int up = Math.max(ty - 1, 0) * tw;
            int down = Math.min(ty + 1, th - 1) * tw;
            int row = ty * tw;
            for (int tx = 0; tx < tw; tx++) {
                int min = Math.min(
                        Byte.toUnsignedInt(s.tmpMin[up + tx]),
                        Math.min(Byte.toUnsignedInt(s.tmpMin[row + tx]), Byte.toUnsignedInt(s.tmpMin[down + tx])));
                int max = Math.max(
                        Byte.toUnsignedInt(s.tmpMax[up + tx]),
                        Math.max(Byte.toUnsignedInt(s.tmpMax[row + tx]), Byte.toUnsignedInt(s.tmpMax[down + tx])));
                s.min[row + tx] = (byte) min;
                s.max[row + tx] = (byte) max;
            }
        }
    }
}

package dev.parallax.api.image;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Tile min/max adaptive threshold with AprilTag 3's semantics.
 *
 * <p>The image is cut into {@code tileSize} squares; each full tile's minimum and maximum are widened to those of
 * its 3x3 neighbourhood of full tiles. A pixel of a full tile becomes 255 if it is above {@code min + (max - min) /
 * 2} and 0 otherwise, unless {@code max - min < minWhiteBlackDiff}, when the whole tile becomes 127 (unknown). Pixels
 * in the partial tiles at the right and bottom use the nearest full tile's widened extrema and are never 127, as in
 * AprilTag 3. An image with no full tile (narrower or lower than one tile) becomes all 127: AprilTag 3 reads outside
 * its buffers there.
 *
 * <p>A provider type: kernel bundles implement it, consumers call it. Implementations are thread-safe and allocate
 * nothing per call once warm.
 */
@ProviderType
public interface TileThreshold {
    /**
     * Thresholds {@code src} into {@code dst}.
     *
     * @throws IllegalArgumentException if the sizes differ, {@code dst} is read-only or overlaps {@code src}, naming
     *     the images
     */
    void threshold(Gray8 src, Gray8 dst, TileThresholdParams params);

    /** How this implementation computes. */
    KernelImpl impl();
}

package dev.parallax.api.image;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Adaptive mean threshold, byte-identical to OpenCV's {@code adaptiveThreshold(src, dst, 255,
 * ADAPTIVE_THRESH_MEAN_C, THRESH_BINARY, blockSize, c)}.
 *
 * <p>The mean is the box mean over {@code blockSize x blockSize} pixels, the border replicated, rounded to the
 * nearest integer; a pixel becomes 255 when {@code src - mean > -ceil(c)} and 0 otherwise. OpenCV rounds the mean
 * exactly for block sizes up to 163; above, it computes the mean in float, which differs from the exact mean for a
 * few sums: implementations compute it exactly, so they match OpenCV byte for byte up to block size 163.
 *
 * <p>A provider type: kernel bundles implement it, consumers call it. Implementations are thread-safe and allocate
 * nothing per call once warm.
 */
@ProviderType
public interface MeanThreshold {
    /**
     * Thresholds {@code src} into {@code dst}.
     *
     * @throws IllegalArgumentException if the sizes differ, {@code dst} is read-only or overlaps {@code src}, naming
     *     the images
     */
    void threshold(Gray8 src, Gray8 dst, MeanThresholdParams params);

    /** How this implementation computes. */
    KernelImpl impl();
}

package dev.parallax.api.image;

import org.osgi.annotation.versioning.ProviderType;

/**
 * 2x decimation as AprilTag 3's {@code quad_decimate = 2} does it: pixel ({@code x}, {@code y}) of the result is
 * pixel ({@code 2x}, {@code 2y}) of the source, no filtering, and the result is {@code (width + 1) / 2} by {@code
 * (height + 1) / 2}.
 *
 * <p>A provider type: kernel bundles implement it, consumers call it. Implementations are thread-safe and allocate
 * nothing per call.
 */
@ProviderType
public interface Decimate {
    /** The width or height of the result of decimating a side of {@code size} pixels by 2. */
    static int halfSize(int size) {
        return (size + 1) / 2;
    }

    /**
     * Decimates {@code src} by 2 into {@code dst}.
     *
     * @throws IllegalArgumentException if {@code dst} is not {@link #halfSize} of {@code src} in both directions, is
     *     read-only or overlaps {@code src}, naming the images
     */
    void decimate2(Gray8 src, Gray8 dst);

    /** How this implementation computes. */
    KernelImpl impl();
}

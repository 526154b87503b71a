package dev.parallax.plugin.threshold.internal.kernels;

/**
 * OpenCV's mean threshold rule in integers, shared by both implementations.
 *
 * <p>OpenCV computes {@code mean = round(box / n)} ({@code n = blockSize^2}) and sets a pixel when {@code src - mean
 * > -delta}, i.e. {@code mean < src + delta}. Since {@code n} is odd, {@code box / n} is never a half-integer and
 * {@code round(box / n) < t} exactly when {@code 2 box < (2t - 1) n}: no division. {@code t} is clamped to [0, 256]
 * (the mean is always in [0, 255]) so that {@code (2t - 1) n} fits in an int for block sizes up to 1023.
 *
 * <p>OpenCV 4 rounds the mean exactly like this for block sizes up to 163: its 16-bit path (up to 15) by a
 * fixed-point reciprocal that is exact for 8-bit sums, its 32-bit path in float, which loses exactness above 163.
 */
final class MeanRule {
    private MeanRule() {}

    /** {@code src + delta}, clamped to [0, 256]. */
    static int target(int src, int delta) {
        return Math.clamp((long) src + delta, 0, 256);
    }
}

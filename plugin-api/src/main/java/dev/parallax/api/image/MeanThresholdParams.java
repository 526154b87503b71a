package dev.parallax.api.image;

/**
 * Parameters of the adaptive mean threshold, OpenCV's {@code adaptiveThreshold} with {@code ADAPTIVE_THRESH_MEAN_C}
 * and {@code THRESH_BINARY}, maximum value 255.
 *
 * @param blockSize the side of the square window the mean is taken over: odd, 3 to 1023
 * @param c the constant subtracted from the mean; as in OpenCV only {@code ceil(c)} matters
 */
public record MeanThresholdParams(int blockSize, double c) {

    /** Checks the ranges, naming the bad value. */
    public MeanThresholdParams {
        if (blockSize < 3 || blockSize > 1023 || blockSize % 2 == 0) {
            throw new IllegalArgumentException("block-size must be odd and between 3 and 1023: " + blockSize);
        }
        if (!Double.isFinite(c) || Math.abs(c) > 1e6) {
            throw new IllegalArgumentException("c must be a finite number between -1e6 and 1e6: " + c);
        }
    }

    /** The integer OpenCV really subtracts: {@code ceil(c)}. A pixel becomes 255 when {@code src - mean > -ceil(c)}. */
    public int delta() {
        return (int) Math.ceil(c);
    }
}

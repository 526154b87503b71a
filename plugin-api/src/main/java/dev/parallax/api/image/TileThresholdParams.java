package dev.parallax.api.image;

/**
 * Parameters of the tile min/max threshold, AprilTag 3's binarization.
 *
 * @param tileSize the side of a square tile in pixels, 1 to 64; AprilTag 3 uses 4
 * @param minWhiteBlackDiff tiles whose neighbourhood contrast (max - min) is below this become 127 (unknown), 0 to
 *     255; 0 marks none. AprilTag 3's default is 5
 */
public record TileThresholdParams(int tileSize, int minWhiteBlackDiff) {

    /** AprilTag 3's values: tiles of 4 pixels, minimum contrast 5. */
    public static final TileThresholdParams APRILTAG = new TileThresholdParams(4, 5);

    /** Checks the ranges, naming the bad value. */
    public TileThresholdParams {
        if (tileSize < 1 || tileSize > 64) {
            throw new IllegalArgumentException("tile-size must be between 1 and 64: " + tileSize);
        }
        if (minWhiteBlackDiff < 0 || minWhiteBlackDiff > 255) {
            throw new IllegalArgumentException("min-white-black-diff must be between 0 and 255: " + minWhiteBlackDiff);
        }
    }
}

package dev.parallax.plugin.threshold.internal.element;

import dev.parallax.api.image.MeanThresholdParams;
import dev.parallax.api.image.TileThresholdParams;
import dev.parallax.api.pipeline.PropertySpec;
import dev.parallax.api.pipeline.PropertyValues;
import java.util.List;

/**
 * The {@code threshold} element's properties, described once, and their checked values.
 *
 * @param method {@code tile} (AprilTag 3) or {@code mean} (OpenCV)
 * @param tile the tile threshold's parameters, used when the method is {@code tile}
 * @param mean the mean threshold's parameters, used when the method is {@code mean}
 * @param decimate whether the image is decimated by 2 before it is thresholded, as AprilTag's {@code quad_decimate}
 */
record ThresholdSettings(String method, TileThresholdParams tile, MeanThresholdParams mean, boolean decimate) {
    static final String TILE = "tile";
    static final String MEAN = "mean";

    /** The properties, in the order {@code inspect} lists them. */
    static final List<PropertySpec> PROPERTIES = List.of(
            PropertySpec.choice(
                    "method",
                    List.of(TILE, MEAN),
                    "tile: AprilTag 3's tile min/max threshold (unknown tiles become 127); mean: OpenCV's"
                            + " adaptiveThreshold with ADAPTIVE_THRESH_MEAN_C and THRESH_BINARY"),
            PropertySpec.integer(
                    "tile-size",
                    TileThresholdParams.APRILTAG.tileSize(),
                    1,
                    64,
                    "tile: the side of a square tile in pixels; AprilTag 3 uses 4"),
            PropertySpec.integer(
                    "min-white-black-diff",
                    TileThresholdParams.APRILTAG.minWhiteBlackDiff(),
                    0,
                    255,
                    "tile: a tile whose 3x3 neighbourhood's max - min is below this becomes 127 (unknown); 0 marks"
                            + " none; AprilTag 3 uses 5"),
            PropertySpec.integer(
                    "block-size",
                    15,
                    3,
                    1023,
                    "mean: the side of the square window the mean is taken over, odd (OpenCV's rule); equal to"
                            + " OpenCV byte for byte up to 163"),
            PropertySpec.decimal(
                    "c",
                    5,
                    -255,
                    255,
                    "mean: a pixel becomes 255 when it is above the window's mean minus c (only ceil(c) matters, as in"
                            + " OpenCV); 5 keeps flat areas with a few grey levels of noise black"),
            PropertySpec.bool(
                    "decimate",
                    false,
                    "Halve the image first, keeping every other pixel of every other row (AprilTag 3's"
                            + " quad_decimate = 2); the output is (width + 1) / 2 by (height + 1) / 2"));

    /**
     * Reads and checks the values together.
     *
     * @throws IllegalArgumentException naming the property, the value and the rule
     */
    static ThresholdSettings of(PropertyValues values) {
        long blockSize = values.integer("block-size");
        if (blockSize % 2 == 0) {
            throw new IllegalArgumentException("Element 'threshold' property 'block-size' must be odd, as OpenCV's"
                    + " adaptiveThreshold requires (the window is centred on the pixel): " + blockSize);
        }
        return new ThresholdSettings(
                values.string("method"),
                new TileThresholdParams(values.intValue("tile-size"), values.intValue("min-white-black-diff")),
                new MeanThresholdParams(Math.toIntExact(blockSize), values.decimal("c")),
                values.bool("decimate"));
    }
}

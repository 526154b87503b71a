package dev.parallax.plugin.threshold.internal.element;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.parallax.api.image.Gray8;
import dev.parallax.api.image.MeanThresholdParams;
import dev.parallax.api.image.TileThresholdParams;
import dev.parallax.plugin.threshold.internal.kernels.Fixtures;
import dev.parallax.plugin.threshold.internal.kernels.Kernels;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code threshold} element's bytes: the same as AprilTag 3 and OpenCV themselves (the committed fixtures) and
 * as the kernel services called directly, through pool buffers with padded input rows, for every kernel set.
 */
class ThresholdElementTest {

    static Stream<Arguments> aprilTagThresholds() {
        return Fixtures.cases("apriltag").stream()
                .filter(c -> c[0].equals("threshold"))
                .flatMap(c ->
                        ThresholdRun.kernels().stream().map(k -> Arguments.of(k, c[1], Integer.parseInt(c[2]), c[3])));
    }

    static Stream<Arguments> aprilTagDecimations() {
        return Fixtures.cases("apriltag").stream()
                .filter(c -> c[0].equals("decimate"))
                .flatMap(c -> ThresholdRun.kernels().stream().map(k -> Arguments.of(k, c[1], c[2])));
    }

    static Stream<Arguments> openCvMeans() {
        return Fixtures.cases("opencv").stream()
                .flatMap(c -> ThresholdRun.kernels().stream()
                        .map(k -> Arguments.of(k, c[0], Integer.parseInt(c[1]), Double.parseDouble(c[2]), c[3])));
    }

    @ParameterizedTest(name = "{0} {1} min-white-black-diff {2}")
    @MethodSource("aprilTagThresholds")
    void tile_givesAprilTagsBytes(Kernels kernels, String input, int minDiff, String expected) throws Exception {
        Gray8 src = Fixtures.pgm("fixtures/apriltag/" + input);
        byte[] out = ThresholdRun.run(kernels, List.of(src), 13, "min-white-black-diff", minDiff)
                .getFirst();
        assertArrayEquals(Fixtures.pgm("fixtures/apriltag/" + expected).toArray(), out, input);
    }

    @ParameterizedTest(name = "{0} {1} block-size {2} c {3}")
    @MethodSource("openCvMeans")
    void mean_givesOpenCvsBytes(Kernels kernels, String input, int block, double c, String expected) throws Exception {
        Gray8 src = Fixtures.pgm("fixtures/apriltag/" + input);
        byte[] out = ThresholdRun.run(kernels, List.of(src), 1, "method", "mean", "block-size", block, "c", c)
                .getFirst();
        assertArrayEquals(Fixtures.pgm("fixtures/opencv/" + expected).toArray(), out, input);
    }

    /**
     * Decimated: AprilTag's own decimation (the fixture) thresholded by the kernel directly, for both methods at
     * their defaults, which are AprilTag's (tile 4, contrast 5) and the committed OpenCV case (block 15, c 5).
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("aprilTagDecimations")
    void decimate_thresholdsAprilTagsDecimation(Kernels kernels, String input, String decimated) throws Exception {
        Gray8 src = Fixtures.pgm("fixtures/apriltag/" + input);
        Gray8 half = Fixtures.pgm("fixtures/apriltag/" + decimated);
        byte[] tile =
                ThresholdRun.run(kernels, List.of(src), 3, "decimate", true).getFirst();
        assertArrayEquals(
                ThresholdRun.direct(kernels, half, "tile", TileThresholdParams.APRILTAG, false), tile, "tile");
        byte[] mean = ThresholdRun.run(kernels, List.of(src), 0, "decimate", true, "method", "mean")
                .getFirst();
        assertArrayEquals(
                ThresholdRun.direct(kernels, half, "mean", new MeanThresholdParams(15, 5), false), mean, "mean");
    }

    static Stream<Arguments> awkward() {
        List<Arguments> cases = new ArrayList<>();
        for (Kernels kernels : ThresholdRun.kernels()) {
            for (boolean decimate : new boolean[] {false, true}) {
                cases.add(Arguments.of(kernels, "tile", TileThresholdParams.APRILTAG, decimate));
                cases.add(Arguments.of(kernels, "tile", new TileThresholdParams(3, 20), decimate));
                cases.add(Arguments.of(kernels, "mean", new MeanThresholdParams(15, 5), decimate));
                cases.add(Arguments.of(kernels, "mean", new MeanThresholdParams(7, -2.5), decimate));
            }
        }
        return cases.stream();
    }

    /**
     * Widths 1, 2, 13 and 207 (one pixel; below a tile; partial tiles and odd halves; past the vector lengths with a
     * partial tile), heights 1, 3 and 13, rows padded by 0, 1 and 13 bytes (odd strides), three different frames
     * through one element (the pool and the decimation scratch reused): the kernels called directly, byte for byte.
     */
    @ParameterizedTest(name = "{0} {1} {2} decimate {3}")
    @MethodSource("awkward")
    void awkwardSizesAndStrides_matchTheKernelsCalledDirectly(
            Kernels kernels, String method, Object params, boolean decimate) throws Exception {
        Object[] properties = params instanceof TileThresholdParams tile
                ? new Object[] {
                    "method", method, "tile-size", tile.tileSize(), "min-white-black-diff", tile.minWhiteBlackDiff()
                }
                : new Object[] {
                    "method",
                    method,
                    "block-size",
                    ((MeanThresholdParams) params).blockSize(),
                    "c",
                    ((MeanThresholdParams) params).c()
                };
        Object[] withDecimate = java.util.Arrays.copyOf(properties, properties.length + 2);
        withDecimate[properties.length] = "decimate";
        withDecimate[properties.length + 1] = decimate;
        for (int width : new int[] {1, 2, 13, 207}) {
            for (int height : new int[] {1, 3, 13}) {
                for (int padding : new int[] {0, 1, 13}) {
                    List<Gray8> frames = List.of(
                            Fixtures.random(width, height, width * 31L + height),
                            Fixtures.random(width, height, 7),
                            Fixtures.random(width, height, height));
                    List<byte[]> out = ThresholdRun.run(kernels, frames, padding, withDecimate);
                    for (int i = 0; i < frames.size(); i++) {
                        assertArrayEquals(
                                ThresholdRun.direct(kernels, frames.get(i), method, params, decimate),
                                out.get(i),
                                width + "x" + height + " padding " + padding + " frame " + i);
                    }
                }
            }
        }
    }
}

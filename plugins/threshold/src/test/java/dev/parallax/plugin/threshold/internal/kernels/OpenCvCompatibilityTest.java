package dev.parallax.plugin.threshold.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.parallax.api.image.Gray8;
import dev.parallax.api.image.MeanThreshold;
import dev.parallax.api.image.MeanThresholdParams;
import java.lang.foreign.Arena;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our mean threshold against OpenCV's adaptiveThreshold(MEAN_C, THRESH_BINARY): fixtures from Debian's
 * python3-opencv (see src/test/reference) for block sizes from 3 to 51, some larger than the image (where the
 * replicated border dominates), and C zero, positive, negative and fractional.
 */
class OpenCvCompatibilityTest {

    static Stream<Arguments> cases() {
        return Fixtures.cases("opencv").stream()
                .flatMap(c -> AprilTagCompatibilityTest.kernels().stream()
                        .map(k ->
                                Arguments.of(k.mean(), c[0], Integer.parseInt(c[1]), Double.parseDouble(c[2]), c[3])));
    }

    @ParameterizedTest(name = "{0} {1} block {2} c {3}")
    @MethodSource("cases")
    void meanThreshold_matchesOpenCvByteForByte(
            MeanThreshold kernel, String input, int block, double c, String expected) {
        Gray8 src = Fixtures.pgm("fixtures/apriltag/" + input);
        byte[] want = Fixtures.pgm("fixtures/opencv/" + expected).toArray();
        try (Arena arena = Arena.ofConfined()) {
            Gray8 dst = Fixtures.canvas(arena, src.width(), src.height(), 3);
            kernel.threshold(Fixtures.padded(arena, src, 11), dst, new MeanThresholdParams(block, c));
            assertArrayEquals(want, dst.toArray(), input);
        }
    }
}

package dev.parallax.plugin.threshold.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.image.Decimate;
import dev.parallax.api.image.Gray8;
import dev.parallax.api.image.TileThreshold;
import dev.parallax.api.image.TileThresholdParams;
import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our tile threshold and decimation against AprilTag 3 itself: the fixtures are what libapriltag 3.3 produced for
 * crops of the test photographs and for synthetic patterns whose sizes leave partial tiles at the right and bottom
 * (see src/test/reference). Every kernel, on packed heap images and on padded native ones, byte for byte.
 */
class AprilTagCompatibilityTest {

    static List<Kernels> kernels() {
        List<Kernels> kernels = new ArrayList<>(List.of(Kernels.scalar()));
        VectorProbe probe = VectorProbe.probe();
        if (probe.available()) {
            kernels.add(Kernels.vector(probe));
        }
        return kernels;
    }

    static Stream<Arguments> thresholdCases() {
        return Fixtures.cases("apriltag").stream()
                .filter(c -> c[0].equals("threshold"))
                .flatMap(c -> kernels().stream().map(k -> Arguments.of(k.tile(), c[1], Integer.parseInt(c[2]), c[3])));
    }

    static Stream<Arguments> decimateCases() {
        return Fixtures.cases("apriltag").stream()
                .filter(c -> c[0].equals("decimate"))
                .flatMap(c -> kernels().stream().map(k -> Arguments.of(k.decimate(), c[1], c[2])));
    }

    @ParameterizedTest(name = "{0} {1} min-white-black-diff {2}")
    @MethodSource("thresholdCases")
    void tileThreshold_matchesAprilTagByteForByte(TileThreshold kernel, String input, int minDiff, String expected) {
        Gray8 src = Fixtures.pgm("fixtures/apriltag/" + input);
        byte[] want = Fixtures.pgm("fixtures/apriltag/" + expected).toArray();
        TileThresholdParams params = new TileThresholdParams(4, minDiff);

        Gray8 packed = Gray8.allocate(src.width(), src.height());
        kernel.threshold(src, packed, params);
        assertArrayEquals(want, packed.toArray(), input + " packed");

        try (Arena arena = Arena.ofConfined()) {
            Gray8 dst = Fixtures.canvas(arena, src.width(), src.height(), 7);
            kernel.threshold(Fixtures.padded(arena, src, 13), dst, params);
            assertArrayEquals(want, dst.toArray(), input + " padded");
            assertTrue(Fixtures.paddingIntact(dst), "padding written");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("decimateCases")
    void decimate2_matchesAprilTagByteForByte(Decimate kernel, String input, String expected) {
        Gray8 src = Fixtures.pgm("fixtures/apriltag/" + input);
        byte[] want = Fixtures.pgm("fixtures/apriltag/" + expected).toArray();
        try (Arena arena = Arena.ofConfined()) {
            Gray8 dst = Fixtures.canvas(arena, Decimate.halfSize(src.width()), Decimate.halfSize(src.height()), 5);
            kernel.decimate2(Fixtures.padded(arena, src, 3), dst);
            assertArrayEquals(want, dst.toArray(), input);
            assertTrue(Fixtures.paddingIntact(dst), "padding written");
        }
    }
}

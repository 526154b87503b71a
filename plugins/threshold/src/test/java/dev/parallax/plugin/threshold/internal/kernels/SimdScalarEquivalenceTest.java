package dev.parallax.plugin.threshold.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parallax.api.image.Decimate;
import dev.parallax.api.image.Gray8;
import dev.parallax.api.image.MeanThresholdParams;
import dev.parallax.api.image.TileThresholdParams;
import java.lang.foreign.Arena;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Vector API kernels give the scalar kernels' bytes on every input. Widths around the vector lengths (16, 32,
 * 64 bytes; 8 and 16 ints) and tile multiples, primes, and the 1, 3, 13, 207, 641, 1921; heights from 1
 * up; rows padded by 0, 1 and 13 bytes; pixels mixing 0, 1, 127, 128, 254 and 255 with flat patches and noise.
 * Skipped where the Vector API module is absent.
 */
class SimdScalarEquivalenceTest {
    private static final int[] WIDTHS = {1, 3, 4, 7, 13, 15, 16, 17, 31, 32, 33, 63, 64, 65, 207, 641, 1921};
    private static final int[] HEIGHTS = {1, 2, 3, 4, 5, 13, 34};
    private static final int[] PADDINGS = {0, 1, 13};

    private static Kernels scalar;
    private static Kernels vector;

    @BeforeAll
    static void kernels() {
        VectorProbe probe = VectorProbe.probe();
        assumeTrue(probe.available(), probe.message());
        scalar = Kernels.scalar();
        vector = Kernels.vector(probe);
    }

    static Stream<Arguments> images() {
        return IntStream.range(0, WIDTHS.length)
                .boxed()
                .flatMap(i -> IntStream.of(HEIGHTS)
                        .mapToObj(h -> Arguments.of(WIDTHS[i], h, PADDINGS[(i + h) % PADDINGS.length])));
    }

    @ParameterizedTest(name = "{0}x{1} padding {2}")
    @MethodSource("images")
    void tileThreshold_vectorEqualsScalar(int width, int height, int padding) {
        for (int tile : new int[] {1, 2, 3, 4, 5, 8}) {
            for (int minDiff : new int[] {0, 5, 128, 255}) {
                TileThresholdParams params = new TileThresholdParams(tile, minDiff);
                compare(
                        width,
                        height,
                        padding,
                        "tile " + tile + " min-diff " + minDiff,
                        (k, src, dst) -> k.tile().threshold(src, dst, params));
            }
        }
    }

    @ParameterizedTest(name = "{0}x{1} padding {2}")
    @MethodSource("images")
    void meanThreshold_vectorEqualsScalar(int width, int height, int padding) {
        for (int block : new int[] {3, 5, 15, 31, 99}) {
            for (double c : new double[] {0, 5, -3, 2.5, -255, 300}) {
                MeanThresholdParams params = new MeanThresholdParams(block, c);
                compare(
                        width,
                        height,
                        padding,
                        "block " + block + " c " + c,
                        (k, src, dst) -> k.mean().threshold(src, dst, params));
            }
        }
    }

    @ParameterizedTest(name = "{0}x{1} padding {2}")
    @MethodSource("images")
    void decimate2_vectorEqualsScalar(int width, int height, int padding) {
        Gray8 src = Fixtures.random(width, height, 31L * width + height);
        try (Arena arena = Arena.ofConfined()) {
            Gray8 in = Fixtures.padded(arena, src, padding);
            int w = Decimate.halfSize(width);
            int h = Decimate.halfSize(height);
            Gray8 expected = Fixtures.canvas(arena, w, h, padding);
            Gray8 actual = Fixtures.canvas(arena, w, h, padding);
            scalar.decimate().decimate2(in, expected);
            vector.decimate().decimate2(in, actual);
            assertArrayEquals(expected.toArray(), actual.toArray());
            assertTrue(Fixtures.paddingIntact(actual), "padding written");
        }
    }

    private interface Run {
        void apply(Kernels kernels, Gray8 src, Gray8 dst);
    }

    private static void compare(int width, int height, int padding, String what, Run run) {
        Gray8 src = Fixtures.random(width, height, 17L * width + height);
        try (Arena arena = Arena.ofConfined()) {
            Gray8 in = Fixtures.padded(arena, src, padding);
            Gray8 expected = Fixtures.canvas(arena, width, height, padding);
            Gray8 actual = Fixtures.canvas(arena, width, height, padding);
            run.apply(scalar, in, expected);
            run.apply(vector, in, actual);
            assertArrayEquals(expected.toArray(), actual.toArray(), what);
            assertTrue(Fixtures.paddingIntact(actual), what + ": padding written");
        }
    }
}

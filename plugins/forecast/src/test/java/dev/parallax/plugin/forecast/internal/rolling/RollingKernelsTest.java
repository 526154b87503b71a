package dev.parallax.plugin.forecast.internal.rolling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.forecast.RollingFunction;
import dev.parallax.api.forecast.RollingWindow;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rolling statistics against independent references: exact BigDecimal sums for SUM, MEAN and VARIANCE, and a naive
 * O(n·w) scan for MIN and MAX.
 *
 * <p>The accuracy series mixes magnitudes on purpose: values between 1e-3 and 1 with a spike of 1e12 to 1e15
 * every 777 positions, so every window of 1,000 either holds a spike or has just lost one. A running sum that
 * subtracts the leaving value keeps the spike's rounding error (about 1e-1 absolute) in the small windows after it,
 * a relative error near 1e-2 there. Window sizes 1, 13, 207 and 1,000 are awkward on purpose: a single position,
 * a prime, a size that leaves a partial last block, and the long window.
 */
class RollingKernelsTest {
    private static double[] mixedMagnitudes(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 777 == 5 ? Math.pow(10, 12 + 3 * random.nextDouble()) : Math.pow(10, -3 * random.nextDouble());
        }
        return x;
    }

    private static double[] run(RollingFunction function, double[] x, RollingWindow window) {
        double[] out = new double[x.length];
        RollingKernels.rolling(function, MemorySegment.ofArray(x), window, MemorySegment.ofArray(out));
        return out;
    }

    private static void assertRelative(BigDecimal expected, double actual, double tolerance, String what) {
        double e = expected.doubleValue();
        double error = expected.subtract(new BigDecimal(actual)).abs().doubleValue();
        assertTrue(error <= tolerance * Math.abs(e), what + ": expected " + e + ", got " + actual);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 13, 207, 1000})
    void sumAndMean_ofMixedMagnitudes_stayWithin1e12OfBigDecimal(int w) {
        double[] x = mixedMagnitudes(5000, w);
        double[] sums = run(RollingFunction.SUM, x, RollingWindow.of(w));
        double[] means = run(RollingFunction.MEAN, x, RollingWindow.of(w));
        BigDecimal exact = BigDecimal.ZERO;
        for (int i = 0; i < x.length; i++) {
            exact = exact.add(new BigDecimal(x[i]));
            if (i >= w) {
                exact = exact.subtract(new BigDecimal(x[i - w]));
            }
            if (i >= w - 1) {
                assertRelative(exact, sums[i], 1e-12, "sum at " + i);
                assertRelative(exact.divide(BigDecimal.valueOf(w), MathContext.DECIMAL128), means[i], 1e-12, "mean");
            } else {
                assertTrue(Double.isNaN(sums[i]), "a partial window short of minValues is NaN");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 13, 207, 1000})
    void varianceAndStd_ofMixedMagnitudes_stayWithin1e12OfBigDecimal(int w) {
        double[] x = mixedMagnitudes(4000, 31L * w);
        double[] variances = run(RollingFunction.VARIANCE, x, RollingWindow.of(w));
        double[] stds = run(RollingFunction.STD, x, RollingWindow.of(w));
        MathContext mc = MathContext.DECIMAL128;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal squares = BigDecimal.ZERO;
        for (int i = 0; i < x.length; i++) {
            BigDecimal v = new BigDecimal(x[i]);
            sum = sum.add(v);
            squares = squares.add(v.multiply(v));
            if (i >= w) {
                BigDecimal old = new BigDecimal(x[i - w]);
                sum = sum.subtract(old);
                squares = squares.subtract(old.multiply(old));
            }
            if (i >= w - 1) {
                BigDecimal n = BigDecimal.valueOf(w);
                BigDecimal variance =
                        squares.subtract(sum.multiply(sum).divide(n, mc)).divide(n.subtract(BigDecimal.ONE), mc);
                assertRelative(variance, variances[i], 1e-12, "variance at " + i);
                assertRelative(variance.sqrt(mc), stds[i], 1e-12, "std at " + i);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 13, 207})
    void minAndMax_withNaNs_matchNaiveScan(int w) {
        SplittableRandom random = new SplittableRandom(w);
        double[] x = new double[702];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextInt(10) == 0 ? Double.NaN : random.nextInt(50) - 25.0;
        }
        RollingWindow window = new RollingWindow(w, 1);
        double[] min = run(RollingFunction.MIN, x, window);
        double[] max = run(RollingFunction.MAX, x, window);
        for (int i = 0; i < x.length; i++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            int valid = 0;
            for (int j = Math.max(0, i - w + 1); j <= i; j++) {
                if (!Double.isNaN(x[j])) {
                    lo = Math.min(lo, x[j]);
                    hi = Math.max(hi, x[j]);
                    valid++;
                }
            }
            assertEquals(valid == 0 ? Double.NaN : lo, min[i], "min at " + i);
            assertEquals(valid == 0 ? Double.NaN : hi, max[i], "max at " + i);
        }
    }

    @Test
    void nanPolicy_nanIsSkippedAndCountsAgainstMinValues() {
        double[] x = {1, Double.NaN, 3, 4, Double.NaN, Double.NaN, 7};
        assertArrayEquals(
                new double[] {Double.NaN, Double.NaN, Double.NaN, 7, Double.NaN, Double.NaN, Double.NaN},
                run(RollingFunction.SUM, x, RollingWindow.of(2)));
        assertArrayEquals(
                new double[] {1, 1, 3, 7, 4, Double.NaN, 7}, run(RollingFunction.SUM, x, new RollingWindow(2, 1)));
        assertArrayEquals(
                new double[] {1, 1, 3, 3.5, 4, Double.NaN, 7}, run(RollingFunction.MEAN, x, new RollingWindow(2, 1)));
    }

    @Test
    void infinity_leavesNoTraceOnceOutOfTheWindow() {
        double[] x = {1, Double.POSITIVE_INFINITY, 2, 3, 4, 5, 6, 7};
        double[] sums = run(RollingFunction.SUM, x, RollingWindow.of(3));
        assertEquals(Double.POSITIVE_INFINITY, sums[3]);
        assertEquals(9, sums[4]);
        assertEquals(18, sums[7]);
        double[] variances = run(RollingFunction.VARIANCE, x, RollingWindow.of(3));
        assertEquals(1, variances[4]);
    }

    @Test
    void sameSegmentForInputAndOutput_givesTheSameResult() {
        double[] x = mixedMagnitudes(1000, 7);
        for (RollingFunction function : RollingFunction.values()) {
            double[] expected = run(function, x, RollingWindow.of(13));
            double[] inPlace = x.clone();
            MemorySegment segment = MemorySegment.ofArray(inPlace);
            RollingKernels.rolling(function, segment, RollingWindow.of(13), segment);
            assertArrayEquals(expected, inPlace, function.name());
        }
    }

    @Test
    void nativeUnalignedSegments_areReadInPlaceAndGiveTheHeapResult() {
        // A native segment starting 4 bytes into its allocation: float64 values that are not 8-byte aligned.
        double[] x = mixedMagnitudes(4098, 3);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment in = arena.allocate(8L * x.length + 4).asSlice(4, 8L * x.length);
            MemorySegment out = arena.allocate(8L * x.length + 4).asSlice(4, 8L * x.length);
            MemorySegment.copy(x, 0, in, ValueLayout.JAVA_DOUBLE_UNALIGNED, 0, x.length);
            for (RollingFunction function : RollingFunction.values()) {
                RollingKernels.rolling(function, in, new RollingWindow(207, 1), out);
                assertArrayEquals(
                        run(function, x, new RollingWindow(207, 1)),
                        out.toArray(ValueLayout.JAVA_DOUBLE_UNALIGNED),
                        function.name());
            }
        }
    }

    @Test
    void ewma_withNaNs_followsTheRecurrenceAndCarriesOver() {
        double[] x = {Double.NaN, 2, 4, Double.NaN, 8};
        double[] out = new double[x.length];
        RollingKernels.ewma(MemorySegment.ofArray(x), 0.5, MemorySegment.ofArray(out));
        assertArrayEquals(new double[] {Double.NaN, 2, 3, 3, 5.5}, out);
    }

    @Test
    void badArguments_areRejectedWithTheRule() {
        assertEquals(
                "Rolling window size is 0: it must be at least 1",
                assertThrows(IllegalArgumentException.class, () -> RollingWindow.of(0))
                        .getMessage());
        MemorySegment in = MemorySegment.ofArray(new double[10]);
        MemorySegment out = MemorySegment.ofArray(new double[9]);
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> RollingKernels.rolling(RollingFunction.SUM, in, RollingWindow.of(3), out))
                .getMessage()
                .contains("fewer than the 10 inputs"));
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> RollingKernels.ewma(in, 1.5, MemorySegment.ofArray(new double[10])))
                .getMessage()
                .contains("alpha is 1.5"));
    }
}

package dev.parallax.benchmarks.forecast;

import dev.parallax.api.forecast.Forecaster;
import dev.parallax.api.forecast.RollingFunction;
import dev.parallax.api.forecast.RollingWindow;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The rolling mean of 1e6 doubles with a window of 1,000 (issue 6: at most 10 ms), and the naive O(n·w) loop that
 * sums every window afresh, in the same JVM. The results are compared once before timing so that neither figure
 * measures a bug.
 */
final class RollingMean {
    static final int N = 1_000_000;
    static final int WINDOW = 1_000;

    private RollingMean() {}

    static String run(Forecaster forecaster) throws Exception {
        SplittableRandom random = new SplittableRandom(6);
        double[] values = new double[N];
        for (int i = 0; i < N; i++) {
            values[i] = 100 + random.nextDouble(-50, 50);
        }
        RollingWindow window = RollingWindow.of(WINDOW);
        double[] ours = forecaster.rolling(RollingFunction.MEAN, values, window);
        double[] naive = naive(values);
        double worst = 0;
        for (int i = WINDOW - 1; i < N; i++) {
            worst = Math.max(worst, Math.abs(ours[i] - naive[i]) / Math.abs(naive[i]));
        }
        if (worst > 1e-12 || !Double.isNaN(ours[WINDOW - 2])) {
            throw new IllegalStateException("rolling mean and naive loop disagree: " + worst);
        }
        double[] fast = Timing.measure(30, 31, () -> forecaster.rolling(RollingFunction.MEAN, values, window));
        double[] slow = Timing.measure(2, 5, () -> naive(values));
        return String.format(
                Locale.ROOT,
                "| rolling mean, 1e6 values, window 1,000 | %s ms | naive O(n·w) loop: %s ms | %.0fx |%n",
                Timing.describe(fast),
                Timing.describe(slow),
                Timing.median(slow) / Timing.median(fast));
    }

    /** Every full window summed afresh; NaN before the first full window, as the plugin's default window gives. */
    static double[] naive(double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            if (i < WINDOW - 1) {
                out[i] = Double.NaN;
                continue;
            }
            double sum = 0;
            for (int j = i - WINDOW + 1; j <= i; j++) {
                sum += x[j];
            }
            out[i] = sum / WINDOW;
        }
        return out;
    }
}

package dev.parallax.benchmarks.forecast;

import java.util.Arrays;
import java.util.Locale;

/** Wall-clock timing: warm-up runs, then timed runs, reported as median, minimum and maximum in milliseconds. */
final class Timing {
    private Timing() {}

    /** A task that returns something the JIT cannot drop. */
    interface Task {
        Object run() throws Exception;
    }

    /** The milliseconds of each timed run, sorted. */
    static double[] measure(int warmups, int runs, Task task) throws Exception {
        Object sink = null;
        for (int i = 0; i < warmups; i++) {
            sink = task.run();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            sink = task.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        if (sink == null) {
            throw new IllegalStateException("the task returned nothing");
        }
        Arrays.sort(ms);
        return ms;
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** {@code median (min-max, n runs)}. */
    static String describe(double[] sorted) {
        return String.format(
                Locale.ROOT,
                "%s (%s-%s, %d runs)",
                number(median(sorted)),
                number(sorted[0]),
                number(sorted[sorted.length - 1]),
                sorted.length);
    }

    static String number(double ms) {
        return ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.2f", ms);
    }
}

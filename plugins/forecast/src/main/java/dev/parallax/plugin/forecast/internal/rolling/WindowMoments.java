package dev.parallax.plugin.forecast.internal.rolling;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Rolling sample variance and standard deviation in O(n): Welford's update within blocks, Chan's merge across.
 *
 * <p>As in {@link WindowSums}, a window is the tail of one block plus the head of the next. Each part's count, mean
 * and sum of squared deviations (M2) is built with Welford's numerically stable update, the tail backwards and the
 * head forwards, and the two are merged with Chan, Golub and LeVeque's pairwise formula. Nothing is ever removed
 * from an accumulator, so a window's error depends only on its own values.
 */
final class WindowMoments {
    private static final ValueLayout.OfDouble F64 = ValueLayout.JAVA_DOUBLE_UNALIGNED;

    private WindowMoments() {}

    static void compute(MemorySegment in, MemorySegment out, int n, int window, int minValues, boolean std) {
        Suffix previous = new Suffix(window);
        Suffix current = new Suffix(window);
        for (int start = 0; start < n; start += window) {
            int end = Math.min(start + window, n);
            current.fill(in, start, end, window);
            double mean = 0;
            double m2 = 0;
            int count = 0;
            for (int i = start; i < end; i++) {
                double x = in.getAtIndex(F64, i);
                if (!Double.isNaN(x)) {
                    count++;
                    double delta = x - mean;
                    mean += delta / count;
                    m2 += delta * (x - mean);
                }
                int j = i - start + 1;
                int other = previous.count[j];
                int total = count + other;
                double result = Double.NaN;
                if (total >= minValues && total >= 2) {
                    double sum2;
                    if (other == 0) {
                        sum2 = m2;
                    } else if (count == 0) {
                        sum2 = previous.m2[j];
                    } else {
                        double delta = mean - previous.mean[j];
                        sum2 = m2 + previous.m2[j] + delta * delta * ((double) count * other / total);
                    }
                    double variance = Math.max(0, sum2) / (total - 1);
                    result = std ? Math.sqrt(variance) : variance;
                }
                out.setAtIndex(F64, i, result);
            }
            Suffix swap = previous;
            previous = current;
            current = swap;
        }
    }

    /** Welford aggregates of {@code x[start + j .. start + window - 1]} for j in [0, window]. */
    private static final class Suffix {
        final double[] mean;
        final double[] m2;
        final int[] count;

        Suffix(int window) {
            mean = new double[window + 1];
            m2 = new double[window + 1];
            count = new int[window + 1];
        }

        void fill(MemorySegment in, int start, int end, int window) {
            double mu = 0;
            double s2 = 0;
            int c = 0;
            mean[window] = 0;
            m2[window] = 0;
            count[window] = 0;
            for (int j = window - 1; j >= 0; j--) {
                if (start + j < end) {
                    double x = in.getAtIndex(F64, start + j);
                    if (!Double.isNaN(x)) {
                        c++;
                        double delta = x - mu;
                        mu += delta / c;
                        s2 += delta * (x - mu);
                    }
                }
                mean[j] = mu;
                m2[j] = s2;
                count[j] = c;
            }
        }
    }
}

package dev.parallax.plugin.forecast.internal.rolling;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Rolling sum and mean in O(n), without ever subtracting a value that leaves the window.
 *
 * <p>A running sum that adds the new value and subtracts the old one carries the rounding of every value it ever
 * saw: after a 1e15 has passed through, a window of small values is off by far more than 1e-12. Here the series is
 * cut into blocks of the window size; a window is the tail of one block plus the head of the next, so its sum is
 * a suffix sum of the first (computed backwards once per block) plus a prefix sum of the second, each accumulated
 * afresh with Neumaier's compensated (two-sum) summation. The error of a window's sum thus depends only on the
 * values in that window: a few units in the last place plus about w·u² times the sum of their magnitudes.
 *
 * <p>Every input is read twice (once backwards, once forwards) before its output is written, so {@code in} and
 * {@code out} may be the same segment.
 */
final class WindowSums {
    private static final ValueLayout.OfDouble F64 = ValueLayout.JAVA_DOUBLE_UNALIGNED;

    private WindowSums() {}

    static void compute(MemorySegment in, MemorySegment out, int n, int window, int minValues, boolean mean) {
        Suffix previous = new Suffix(window);
        Suffix current = new Suffix(window);
        for (int start = 0; start < n; start += window) {
            int end = Math.min(start + window, n);
            current.fill(in, start, end, window);
            double hi = 0;
            double lo = 0;
            int count = 0;
            for (int i = start; i < end; i++) {
                double x = in.getAtIndex(F64, i);
                if (!Double.isNaN(x)) {
                    double s = hi + x;
                    double bp = s - hi;
                    lo += (hi - (s - bp)) + (x - bp);
                    hi = s;
                    count++;
                }
                int j = i - start + 1;
                int total = count + previous.count[j];
                double result = Double.NaN;
                if (total >= minValues) {
                    double h = previous.hi[j];
                    double s = h + hi;
                    double bp = s - h;
                    double err = (h - (s - bp)) + (hi - bp) + previous.lo[j] + lo;
                    double sum = Double.isFinite(s) ? s + err : s;
                    result = mean ? sum / total : sum;
                }
                out.setAtIndex(F64, i, result);
            }
            Suffix swap = previous;
            previous = current;
            current = swap;
        }
    }

    /** The sums of {@code x[start + j .. start + window - 1]} for j in [0, window], as hi + lo and a count. */
    private static final class Suffix {
        final double[] hi;
        final double[] lo;
        final int[] count;

        Suffix(int window) {
            hi = new double[window + 1];
            lo = new double[window + 1];
            count = new int[window + 1];
        }

        void fill(MemorySegment in, int start, int end, int window) {
            double h = 0;
            double l = 0;
            int c = 0;
            hi[window] = 0;
            lo[window] = 0;
            count[window] = 0;
            for (int j = window - 1; j >= 0; j--) {
                if (start + j < end) {
                    double x = in.getAtIndex(F64, start + j);
                    if (!Double.isNaN(x)) {
                        double s = h + x;
                        double bp = s - h;
                        l += (h - (s - bp)) + (x - bp);
                        h = s;
                        c++;
                    }
                }
                hi[j] = h;
                lo[j] = l;
                count[j] = c;
            }
        }
    }
}

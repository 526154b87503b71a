package dev.parallax.plugin.forecast.internal.rolling;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Rolling minimum and maximum in O(n) with a monotonic deque: each index enters and leaves it once.
 *
 * <p>The deque keeps the values with their indices, so the input is never re-read and {@code in} and {@code out}
 * may be the same segment.
 */
final class WindowExtremes {
    private static final ValueLayout.OfDouble F64 = ValueLayout.JAVA_DOUBLE_UNALIGNED;

    private WindowExtremes() {}

    static void compute(MemorySegment in, MemorySegment out, int n, int window, int minValues, boolean max) {
        int capacity = window + 1;
        int[] indices = new int[capacity];
        double[] values = new double[capacity];
        boolean[] valid = new boolean[window];
        int head = 0;
        int size = 0;
        int validCount = 0;
        for (int i = 0; i < n; i++) {
            double x = in.getAtIndex(F64, i);
            int slot = i % window;
            if (i >= window && valid[slot]) {
                validCount--;
            }
            valid[slot] = !Double.isNaN(x);
            if (size > 0 && indices[head] <= i - window) {
                head = (head + 1) % capacity;
                size--;
            }
            if (valid[slot]) {
                validCount++;
                while (size > 0) {
                    double last = values[(head + size - 1) % capacity];
                    if (max ? last > x : last < x) {
                        break;
                    }
                    size--;
                }
                int tail = (head + size) % capacity;
                indices[tail] = i;
                values[tail] = x;
                size++;
            }
            out.setAtIndex(F64, i, validCount >= minValues ? values[head] : Double.NaN);
        }
    }
}

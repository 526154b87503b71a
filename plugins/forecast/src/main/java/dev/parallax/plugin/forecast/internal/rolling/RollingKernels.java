package dev.parallax.plugin.forecast.internal.rolling;

import dev.parallax.api.forecast.RollingFunction;
import dev.parallax.api.forecast.RollingWindow;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** The rolling statistics of {@link RollingFunction} and the exponentially weighted mean, on float64 segments. */
public final class RollingKernels {
    private static final ValueLayout.OfDouble F64 = ValueLayout.JAVA_DOUBLE_UNALIGNED;

    private RollingKernels() {}

    /** Computes {@code function} of {@code in} into {@code out}; they may be the same segment. */
    public static void rolling(RollingFunction function, MemorySegment in, RollingWindow window, MemorySegment out) {
        int n = length(in, "input");
        if (length(out, "output") < n) {
            throw new IllegalArgumentException("Rolling output holds " + length(out, "output")
                    + " values, fewer than the " + n + " inputs: it needs one value per input");
        }
        int size = window.size();
        int min = window.minValues();
        switch (function) {
            case SUM -> WindowSums.compute(in, out, n, size, min, false);
            case MEAN -> WindowSums.compute(in, out, n, size, min, true);
            case VARIANCE -> WindowMoments.compute(in, out, n, size, min, false);
            case STD -> WindowMoments.compute(in, out, n, size, min, true);
            case MIN -> WindowExtremes.compute(in, out, n, size, min, false);
            case MAX -> WindowExtremes.compute(in, out, n, size, min, true);
        }
    }

    /** The exponentially weighted mean of {@code in} into {@code out}; NaN inputs leave the mean unchanged. */
    public static void ewma(MemorySegment in, double alpha, MemorySegment out) {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("EWMA alpha is " + alpha + ": it must be in (0, 1]");
        }
        int n = length(in, "input");
        if (length(out, "output") < n) {
            throw new IllegalArgumentException("EWMA output holds " + length(out, "output") + " values, fewer than the "
                    + n + " inputs: it needs one value per input");
        }
        double mean = Double.NaN;
        for (int i = 0; i < n; i++) {
            double x = in.getAtIndex(F64, i);
            if (!Double.isNaN(x)) {
                mean = Double.isNaN(mean) ? x : mean + alpha * (x - mean);
            }
            out.setAtIndex(F64, i, mean);
        }
    }

    private static int length(MemorySegment segment, String what) {
        if (segment.byteSize() % Double.BYTES != 0) {
            throw new IllegalArgumentException("Rolling " + what + " segment has " + segment.byteSize()
                    + " bytes: it must hold float64 values, a multiple of 8 bytes");
        }
        long n = segment.byteSize() / Double.BYTES;
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "Rolling " + what + " has " + n + " values: at most " + Integer.MAX_VALUE + " are supported");
        }
        return (int) n;
    }
}

package dev.parallax.api.forecast;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A named series of float64 values, read in place.
 *
 * <p>The segment is not copied: a {@code double[]} is wrapped with {@link MemorySegment#ofArray(double[])} and a
 * native or mapped segment is read where it is. The caller must keep it alive and unchanged while a call that was
 * given it runs. Values are native-order float64; the segment need not be aligned.
 *
 * @param name how messages and reports call the series, e.g. {@code sku-17}
 * @param values the values, oldest first; its size is a multiple of 8 bytes
 * @param missing whether NaN marks a missing observation or is an error
 * @param period the seasonal period (12 for monthly data, 4 for quarterly, 1 if none); used by automatic order
 *     selection and as the default period of seasonal models
 */
public record Series(String name, MemorySegment values, Missing missing, int period) {

    /** Checks the arguments. */
    public Series {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Series name is blank: a series needs a name for its messages");
        }
        if (values == null || values.byteSize() % Double.BYTES != 0) {
            throw new IllegalArgumentException("Series '" + name + "' has "
                    + (values == null ? "no segment" : values.byteSize() + " bytes")
                    + ": a series is a segment of float64 values, a multiple of 8 bytes");
        }
        if (missing == null) {
            throw new IllegalArgumentException("Series '" + name + "' has no missing-value policy: use Missing.NONE");
        }
        if (period < 1) {
            throw new IllegalArgumentException(
                    "Series '" + name + "' has period " + period + ": the period must be 1 (none) or more");
        }
    }

    /** A non-seasonal series of finite values, wrapping {@code values} without copying it. */
    public static Series of(String name, double[] values) {
        return new Series(name, MemorySegment.ofArray(values), Missing.NONE, 1);
    }

    /** The number of values. */
    public int length() {
        return Math.toIntExact(values.byteSize() / Double.BYTES);
    }

    /** The value at {@code index}. */
    public double get(int index) {
        return values.getAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, index);
    }

    /** The values copied into a new array. */
    public double[] toArray() {
        return values.toArray(ValueLayout.JAVA_DOUBLE_UNALIGNED);
    }

    /** This series with another missing-value policy. */
    public Series withMissing(Missing policy) {
        return new Series(name, values, policy, period);
    }

    /** This series with another seasonal period. */
    public Series withPeriod(int seasonalPeriod) {
        return new Series(name, values, missing, seasonalPeriod);
    }
}

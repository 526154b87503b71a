package dev.parallax.api.forecast;

/**
 * A statistic over a sliding window. Every one costs O(n) whatever the window size.
 *
 * <p>NaN policy: a NaN is a missing value. It is left out of the window's statistic and does not count towards
 * {@link RollingWindow#minValues()}; a window with fewer valid values than that yields NaN. Infinities are values:
 * they take part in the statistic by IEEE 754 rules (a window holding +inf and -inf sums to NaN) and leave no
 * trace once they have left the window.
 */
public enum RollingFunction {
    /** The sum of the window's values, accurate to within a few units in the last place whatever the window. */
    SUM,
    /** The arithmetic mean of the window's values. */
    MEAN,
    /** The sample variance (divisor n - 1) of the window's values; NaN for fewer than two values. */
    VARIANCE,
    /** The sample standard deviation, the square root of {@link #VARIANCE}. */
    STD,
    /** The smallest value in the window. */
    MIN,
    /** The largest value in the window. */
    MAX
}

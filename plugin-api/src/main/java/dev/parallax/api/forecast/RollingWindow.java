package dev.parallax.api.forecast;

/**
 * A trailing window: output {@code i} summarises inputs {@code i - size + 1} to {@code i}.
 *
 * @param size the number of positions in the window, at least 1
 * @param minValues how many non-NaN values a window needs to yield a statistic (1 to {@code size}); the first
 *     {@code size - 1} outputs cover shorter, partial windows and follow the same rule
 */
public record RollingWindow(int size, int minValues) {

    /** Checks the arguments. */
    public RollingWindow {
        if (size < 1) {
            throw new IllegalArgumentException("Rolling window size is " + size + ": it must be at least 1");
        }
        if (minValues < 1 || minValues > size) {
            throw new IllegalArgumentException(
                    "Rolling window minValues is " + minValues + ": it must be between 1 and the window size " + size);
        }
    }

    /** A window that yields a statistic only when all {@code size} positions hold a non-NaN value. */
    public static RollingWindow of(int size) {
        return new RollingWindow(size, size);
    }
}

package dev.parallax.core.internal.pipeline.graph;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as the reserved properties write them: a whole number and a unit ({@code 100ms}, {@code 2s}), or 0. */
final class Durations {
    private static final Pattern TEXT = Pattern.compile("(\\d{1,12})(ns|us|ms|s|m|h)?");
    private static final String RULE = "a whole number and a unit, ns, us, ms, s, m or h (100ms, 2s, 1m), or 0";

    private static final String[] UNITS = {"h", "m", "s", "ms", "us", "ns"};
    private static final long[] NANOS = {3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L, 1L};

    private Durations() {}

    /**
     * Reads {@code 100ms}, {@code 2s}, {@code 1m} or {@code 0}.
     *
     * @throws IllegalArgumentException naming the property, the text and the rule
     */
    static Duration parse(String property, String text) {
        Matcher matcher = TEXT.matcher(text);
        if (!matcher.matches() || (matcher.group(2) == null && Long.parseLong(matcher.group(1)) != 0)) {
            throw new IllegalArgumentException("Property '" + property + "' value '" + text + "' is not " + RULE);
        }
        long amount = Long.parseLong(matcher.group(1));
        if (matcher.group(2) == null) {
            return Duration.ZERO;
        }
        for (int i = 0; i < UNITS.length; i++) {
            if (UNITS[i].equals(matcher.group(2))) {
                // at most 12 digits: sub-second units fit in nanoseconds, whole seconds in seconds
                long seconds = NANOS[i] / 1_000_000_000L;
                return seconds > 0 ? Duration.ofSeconds(amount * seconds) : Duration.ofNanos(amount * NANOS[i]);
            }
        }
        throw new IllegalStateException("Unit not handled: " + matcher.group(2));
    }

    /** Writes {@code duration} in the largest unit that holds it exactly: {@code 2s}, {@code 1500ms}, {@code 0}. */
    static String format(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("A duration property cannot be negative: " + duration);
        }
        if (duration.isZero()) {
            return "0";
        }
        for (int i = 0; i < UNITS.length; i++) {
            long seconds = NANOS[i] / 1_000_000_000L;
            if (seconds > 0 ? duration.getNano() == 0 && duration.getSeconds() % seconds == 0 : fits(duration, i)) {
                return (seconds > 0 ? duration.getSeconds() / seconds : duration.toNanos() / NANOS[i]) + UNITS[i];
            }
        }
        throw new IllegalStateException("No unit for " + duration);
    }

    private static boolean fits(Duration duration, int unit) {
        try {
            return duration.toNanos() % NANOS[unit] == 0;
        } catch (ArithmeticException e) {
            return false;
        }
    }
}

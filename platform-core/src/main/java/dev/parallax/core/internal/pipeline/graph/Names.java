package dev.parallax.core.internal.pipeline.graph;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Element names in a pipeline: checks given ones and makes automatic ones as GStreamer does, the factory name and
 * a number counting the elements of that factory so far ({@code identity0}, {@code identity1}), named or not.
 */
final class Names {
    /** What an element name may hold: references ({@code name.pad}) must be able to name it. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

    /** The rule, as said in error messages. */
    static final String RULE = "letters, digits, '_' and '-'";

    private final Map<String, Integer> counts = new HashMap<>();

    /** Counts one more element of {@code factory} and returns its automatic name. */
    String next(String factory) {
        int count = counts.merge(factory, 1, Integer::sum) - 1;
        return factory + count;
    }

    /** Whether {@code name} is a valid element name. */
    static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}

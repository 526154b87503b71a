package dev.parallax.core.internal.pipeline.graph;

import java.util.Comparator;
import java.util.List;

/** "Did you mean": the known names closest to a mistyped one, by edit distance. */
final class Suggestions {
    private static final int MAX = 3;

    private Suggestions() {}

    /**
     * Up to three of {@code known} close to {@code name}, closest first: within a third of its length in edits (at
     * least two), or containing it, or contained in it.
     */
    static List<String> closeTo(String name, List<String> known) {
        int budget = Math.max(2, name.length() / 3);
        return known.stream()
                .filter(candidate ->
                        candidate.contains(name) || name.contains(candidate) || distance(name, candidate) <= budget)
                .sorted(Comparator.comparingInt((String candidate) -> distance(name, candidate))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(MAX)
                .toList();
    }

    /** The Levenshtein distance: insertions, deletions and substitutions turning {@code a} into {@code b}. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

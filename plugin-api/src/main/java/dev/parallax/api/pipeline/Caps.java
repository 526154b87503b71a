package dev.parallax.api.pipeline;

import dev.parallax.api.buffer.Format;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The formats a pad accepts or produces: a list of alternatives, each a format name with constraints on some of its
 * parameters, or {@link #ANY} for a pad that really takes anything (a queue, a tee, a fake sink).
 *
 * <p>Written as text, alternatives are separated by {@code ;} and constraints are a value, an inclusive integer
 * range or a choice:
 *
 * <pre>{@code
 * gray8(width=[1,65535], height=[1,65535]); f32-vector(dim=384); utf8-text; series(type={f64,f32})
 * }</pre>
 *
 * <p>A parameter an alternative does not name is not constrained.
 *
 * @param alternatives the accepted formats; empty only for {@link #ANY}
 * @param any whether every format is accepted
 */
public record Caps(List<Alternative> alternatives, boolean any) {
    /** Every format: only for pads that really do not look at the bytes. */
    public static final Caps ANY = new Caps(List.of(), true);

    /**
     * One accepted format name with constraints on parameters.
     *
     * @param name the format name
     * @param constraints per parameter: a value, {@code [min,max]} (integers, inclusive) or {@code {a,b,c}}
     */
    public record Alternative(String name, Map<String, String> constraints) {
        /** Checks the name (by making a format of it) and every constraint. */
        public Alternative {
            Format.of(name);
            constraints = Map.copyOf(constraints);
            constraints.forEach((key, constraint) -> {
                if (constraint.startsWith("[")) {
                    range(name, key, constraint);
                }
            });
        }

        /** Whether {@code format} has this name and meets every constraint. */
        public boolean accepts(Format format) {
            if (!name.equals(format.name())) {
                return false;
            }
            for (Map.Entry<String, String> entry : constraints.entrySet()) {
                String value = format.parameters().get(entry.getKey());
                if (value == null || !meets(entry.getKey(), entry.getValue(), value)) {
                    return false;
                }
            }
            return true;
        }

        private boolean meets(String key, String constraint, String value) {
            if (constraint.startsWith("[")) {
                long[] range = range(name, key, constraint);
                try {
                    long number = Long.parseLong(value);
                    return number >= range[0] && number <= range[1];
                } catch (NumberFormatException e) {
                    return false;
                }
            }
            if (constraint.startsWith("{")) {
                for (String choice :
                        constraint.substring(1, constraint.length() - 1).split(",")) {
                    if (choice.strip().equals(value)) {
                        return true;
                    }
                }
                return false;
            }
            return constraint.equals(value);
        }

        private static long[] range(String name, String key, String constraint) {
            String[] ends = constraint.substring(1, constraint.length() - 1).split(",");
            try {
                if (!constraint.endsWith("]") || ends.length != 2) {
                    throw new NumberFormatException();
                }
                return new long[] {Long.parseLong(ends[0].strip()), Long.parseLong(ends[1].strip())};
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Caps '" + name + "' parameter '" + key + "' range '" + constraint
                        + "' is invalid: write [min,max] with two integers");
            }
        }

        @Override
        public String toString() {
            if (constraints.isEmpty()) {
                return name;
            }
            StringBuilder text = new StringBuilder(name).append('(');
            new java.util.TreeMap<>(constraints)
                    .forEach((key, value) ->
                            text.append(key).append('=').append(value).append(", "));
            text.setLength(text.length() - 2);
            return text.append(')').toString();
        }
    }

    /** Freezes the list; only {@link #ANY} may be empty. */
    public Caps {
        alternatives = List.copyOf(alternatives);
        if (any != alternatives.isEmpty()) {
            throw new IllegalArgumentException("Caps either accept any format or list at least one alternative");
        }
    }

    /** Caps of the given alternatives. */
    public static Caps of(Alternative... alternatives) {
        return new Caps(List.of(alternatives), false);
    }

    /** Caps of one format name with no constraints. */
    public static Caps of(String name) {
        return of(new Alternative(name, Map.of()));
    }

    /**
     * Reads caps from text, as {@link #toString()} writes them; {@code any} is {@link #ANY}.
     *
     * @throws IllegalArgumentException naming the text, the position and what was expected
     */
    public static Caps parse(String text) {
        Objects.requireNonNull(text, "Caps text");
        if (text.strip().equals("any")) {
            return ANY;
        }
        List<Alternative> alternatives = new ArrayList<>();
        for (String part : splitTop(text, ';')) {
            String item = part.strip();
            int open = item.indexOf('(');
            if (open < 0) {
                alternatives.add(new Alternative(item, Map.of()));
                continue;
            }
            if (!item.endsWith(")")) {
                throw new IllegalArgumentException(
                        "Caps '" + text + "': '" + item + "' opens '(' without closing it at the end");
            }
            Map<String, String> constraints = new LinkedHashMap<>();
            for (String pair : splitTop(item.substring(open + 1, item.length() - 1), ',')) {
                int equals = pair.indexOf('=');
                if (equals < 0) {
                    throw new IllegalArgumentException("Caps '" + text + "': '" + pair.strip() + "' is not key=value");
                }
                constraints.put(
                        pair.substring(0, equals).strip(),
                        pair.substring(equals + 1).strip());
            }
            alternatives.add(new Alternative(item.substring(0, open).strip(), constraints));
        }
        return new Caps(alternatives, false);
    }

    private static List<String> splitTop(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == separator && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** Whether {@code format} is accepted. */
    public boolean accepts(Format format) {
        if (any) {
            return true;
        }
        for (Alternative alternative : alternatives) {
            if (alternative.accepts(format)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        if (any) {
            return "any";
        }
        StringBuilder text = new StringBuilder();
        for (Alternative alternative : alternatives) {
            text.append(text.isEmpty() ? "" : "; ").append(alternative);
        }
        return text.toString();
    }
}

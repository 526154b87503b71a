package dev.parallax.core.internal.pipeline.ipc;

import dev.parallax.api.buffer.Format;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a {@link Format} written as {@link Format#toString()} writes it: {@code gray8(height=480, width=640)}. */
final class FormatText {
    private FormatText() {}

    /**
     * The format {@code text} describes: a name, optionally followed by {@code key=value} pairs in parentheses.
     *
     * @throws IllegalArgumentException naming the text and what is wrong with it
     */
    static Format parse(String text) {
        String trimmed = text.strip();
        int open = trimmed.indexOf('(');
        if (open < 0) {
            return Format.of(checked(text, trimmed));
        }
        if (!trimmed.endsWith(")")) {
            throw new IllegalArgumentException(
                    "Format '" + text + "' opens '(' without closing it at the end; write e.g. gray8(width=640)");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        String inside = trimmed.substring(open + 1, trimmed.length() - 1);
        if (!inside.isBlank()) {
            for (String pair : inside.split(",")) {
                int equals = pair.indexOf('=');
                if (equals < 0) {
                    throw new IllegalArgumentException(
                            "Format '" + text + "': '" + pair.strip() + "' is not key=value");
                }
                String key = pair.substring(0, equals).strip();
                if (parameters.put(key, pair.substring(equals + 1).strip()) != null) {
                    throw new IllegalArgumentException("Format '" + text + "' gives parameter '" + key + "' twice");
                }
            }
        }
        return new Format(checked(text, trimmed.substring(0, open).strip()), parameters);
    }

    private static String checked(String text, String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("Format '" + text + "' has no name; write e.g. bytes or gray8(...)");
        }
        return name;
    }
}

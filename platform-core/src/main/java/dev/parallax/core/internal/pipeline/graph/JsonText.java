package dev.parallax.core.internal.pipeline.graph;

/** Writes JSON values: strings escaped as RFC 8259 asks, numbers that JSON can hold. */
final class JsonText {
    private JsonText() {}

    /** {@code text} as a JSON string, quotes included. */
    static String string(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    // control characters must be escaped; U+2028/U+2029 too, for readers that are JavaScript
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    /** A property value: a number or boolean as itself, a string quoted; a non-finite double as a string. */
    static String value(Object value) {
        if (value instanceof Boolean || value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        if (value instanceof Double number && Double.isFinite(number)) {
            return number.toString();
        }
        return string(String.valueOf(value));
    }
}

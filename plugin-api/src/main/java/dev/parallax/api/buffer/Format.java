package dev.parallax.api.buffer;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a buffer's bytes mean: a name and named parameters, for example {@code gray8} with {@code width=640},
 * {@code height=480}, or {@code f32-vector} with {@code dim=384}.
 *
 * <p>For now an opaque, immutable value compared by equality: the pipeline engine will negotiate formats between
 * linked pads and give the names and parameters their meaning. There is deliberately no wildcard "any" format; raw
 * bytes with no further meaning are {@link #BYTES}.
 *
 * @param name lowercase letters, digits and hyphens, starting with a letter ({@code gray8}, {@code utf8-text})
 * @param parameters hyphenated lowercase keys to values; copied, sorted by key and unmodifiable
 */
public record Format(String name, Map<String, String> parameters) {
    // before BYTES: the constructor of BYTES uses it
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /** Bytes with no further meaning, the format of a freshly loaned or allocated buffer. */
    public static final Format BYTES = new Format("bytes", Map.of());

    /** Checks the name and every key, and freezes a sorted copy of the parameters. */
    public Format {
        Objects.requireNonNull(name, "Format name");
        Objects.requireNonNull(parameters, "Format parameters");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Format name '" + name
                    + "' is not lowercase letters, digits and hyphens starting with a letter (e.g. gray8)");
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        parameters.forEach((key, value) -> {
            if (key == null || !NAME.matcher(key).matches()) {
                throw new IllegalArgumentException("Format '" + name + "' parameter key '" + key
                        + "' is not lowercase letters, digits and hyphens starting with a letter (e.g. tile-size)");
            }
            sorted.put(key, Objects.requireNonNull(value, () -> "Format '" + name + "' parameter '" + key + "'"));
        });
        parameters = Collections.unmodifiableMap(sorted);
    }

    /** A format with no parameters. */
    public static Format of(String name) {
        return new Format(name, Map.of());
    }

    /** This format with {@code key} set to {@code value}, replacing any earlier value. */
    public Format with(String key, String value) {
        TreeMap<String, String> more = new TreeMap<>(parameters);
        more.put(key, value);
        return new Format(name, more);
    }

    /** Reads as {@code gray8(height=480, width=640)}. */
    @Override
    public String toString() {
        if (parameters.isEmpty()) {
            return name;
        }
        StringBuilder text = new StringBuilder(name).append('(');
        parameters.forEach(
                (key, value) -> text.append(key).append('=').append(value).append(", "));
        text.setLength(text.length() - 2);
        return text.append(')').toString();
    }
}

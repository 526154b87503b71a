package dev.parallax.api.pipeline;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One property of an element, described once: the runtime parses and checks values with it, and {@code inspect}
 * and the catalog print it.
 *
 * @param name hyphenated lowercase ({@code tile-size})
 * @param type the type of its values
 * @param defaultValue the value when none is given: a {@link Boolean}, {@link Long}, {@link Double} or {@link
 *     String} by type, or {@code null} when the property is required
 * @param min the smallest value of an {@link PropertyType#INTEGER} or {@link PropertyType#DOUBLE}, or {@code null}
 * @param max the largest value of an {@link PropertyType#INTEGER} or {@link PropertyType#DOUBLE}, or {@code null}
 * @param choices the words of an {@link PropertyType#ENUM}; empty otherwise
 * @param description one sentence saying what it does
 */
public record PropertySpec(
        String name,
        PropertyType type,
        Object defaultValue,
        Number min,
        Number max,
        List<String> choices,
        String description) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /**
     * Checks the name, the choices and that the default is a valid value.
     *
     * @throws IllegalArgumentException naming the property, the bad value and the rule
     */
    public PropertySpec {
        Objects.requireNonNull(name, "Property name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Property name '" + name
                    + "' is invalid: use hyphenated lowercase letters and digits, starting with a letter");
        }
        Objects.requireNonNull(type, () -> "Property '" + name + "' type");
        choices = List.copyOf(choices);
        Objects.requireNonNull(description, () -> "Property '" + name + "' description");
        if ((type == PropertyType.ENUM) == choices.isEmpty()) {
            throw new IllegalArgumentException(
                    "Property '" + name + "' must list choices exactly when its type is ENUM");
        }
        if (defaultValue != null) {
            check(name, type, min, max, choices, defaultValue);
        }
    }

    /** An integer property with a default and an inclusive range. */
    public static PropertySpec integer(String name, long defaultValue, long min, long max, String description) {
        return new PropertySpec(name, PropertyType.INTEGER, defaultValue, min, max, List.of(), description);
    }

    /** A decimal property with a default and an inclusive range. */
    public static PropertySpec decimal(String name, double defaultValue, double min, double max, String description) {
        return new PropertySpec(name, PropertyType.DOUBLE, defaultValue, min, max, List.of(), description);
    }

    /** A boolean property with a default. */
    public static PropertySpec bool(String name, boolean defaultValue, String description) {
        return new PropertySpec(name, PropertyType.BOOLEAN, defaultValue, null, null, List.of(), description);
    }

    /** A text property with a default, or {@code null} when required. */
    public static PropertySpec string(String name, String defaultValue, String description) {
        return new PropertySpec(name, PropertyType.STRING, defaultValue, null, null, List.of(), description);
    }

    /** A property whose value is one of {@code choices}, the first being the default. */
    public static PropertySpec choice(String name, List<String> choices, String description) {
        return new PropertySpec(name, PropertyType.ENUM, choices.getFirst(), null, null, choices, description);
    }

    /** Whether the property has no default and must be given. */
    public boolean required() {
        return defaultValue == null;
    }

    /**
     * Reads a value written as text ({@code tile-size=8} in a pipeline string).
     *
     * @throws IllegalArgumentException naming the property, the text and the rule
     */
    public Object parse(String text) {
        Object value = switch (type) {
            case BOOLEAN -> {
                if (!text.equals("true") && !text.equals("false")) {
                    throw invalid(text, "true or false");
                }
                yield Boolean.valueOf(text);
            }
            case INTEGER -> {
                try {
                    yield Long.valueOf(text);
                } catch (NumberFormatException e) {
                    throw invalid(text, "a whole number" + bounds());
                }
            }
            case DOUBLE -> {
                try {
                    yield Double.valueOf(text);
                } catch (NumberFormatException e) {
                    throw invalid(text, "a number" + bounds());
                }
            }
            case STRING, ENUM -> text;
        };
        return check(value);
    }

    /**
     * Checks a value given as a Java object; an {@link Integer} is taken as a {@link Long} and a {@link Float} or
     * whole number as a {@link Double} where the type asks for it.
     *
     * @return the value in the property's Java type
     * @throws IllegalArgumentException naming the property, the value and the rule
     */
    public Object check(Object value) {
        return check(name, type, min, max, choices, value);
    }

    private static Object check(
            String name, PropertyType type, Number min, Number max, List<String> choices, Object value) {
        Objects.requireNonNull(value, () -> "Property '" + name + "' value");
        Object typed = switch (type) {
            case BOOLEAN -> value instanceof Boolean ? value : null;
            case INTEGER ->
                value instanceof Long || value instanceof Integer || value instanceof Short
                        ? ((Number) value).longValue()
                        : null;
            case DOUBLE -> value instanceof Number number ? number.doubleValue() : null;
            case STRING, ENUM -> value instanceof String ? value : null;
        };
        if (typed == null) {
            throw new IllegalArgumentException(
                    "Property '" + name + "' takes " + type.name().toLowerCase() + " values, not "
                            + value.getClass().getSimpleName() + " '" + value + "'");
        }
        if (typed instanceof Number number) {
            double v = number.doubleValue();
            if ((min != null && v < min.doubleValue()) || (max != null && v > max.doubleValue())) {
                throw new IllegalArgumentException(
                        "Property '" + name + "' value " + value + " is out of range [" + min + ", " + max + "]");
            }
        }
        if (type == PropertyType.ENUM && !choices.contains(typed)) {
            throw new IllegalArgumentException(
                    "Property '" + name + "' value '" + value + "' is not one of " + String.join(", ", choices));
        }
        return typed;
    }

    private IllegalArgumentException invalid(String text, String rule) {
        return new IllegalArgumentException("Property '" + name + "' value '" + text + "' is not " + rule);
    }

    private String bounds() {
        return min == null && max == null ? "" : " in [" + min + ", " + max + "]";
    }
}

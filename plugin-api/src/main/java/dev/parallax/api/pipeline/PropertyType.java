package dev.parallax.api.pipeline;

/** The type of an element property, and the Java type its values have. */
public enum PropertyType {
    /** {@code true} or {@code false}; a {@link Boolean}. */
    BOOLEAN,
    /** A whole number; a {@link Long}. */
    INTEGER,
    /** A number; a {@link Double}. */
    DOUBLE,
    /** Any text; a {@link String}. */
    STRING,
    /** One of a fixed list of words; a {@link String}. */
    ENUM
}

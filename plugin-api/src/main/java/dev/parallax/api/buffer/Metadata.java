package dev.parallax.api.buffer;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What travels with a buffer's bytes: its place in the stream, its timestamps, its flags and its format.
 *
 * <p>Immutable; each {@link Buffer} handle carries its own, so changing the metadata of a share or slice leaves
 * the other handles over the same bytes alone.
 *
 * @param sequence the buffer's number in its stream, from 0, or {@link #NONE}
 * @param ptsNanos the presentation timestamp in nanoseconds of the stream's clock, or {@link #NONE}
 * @param durationNanos how long the data lasts in nanoseconds, at least 0, or {@link #NONE}
 * @param flags properties of the data; copied and unmodifiable
 * @param format what the bytes mean
 */
public record Metadata(long sequence, long ptsNanos, long durationNanos, Set<BufferFlag> flags, Format format) {
    /** The value of a field that is not known: no sequence number, timestamp or duration. */
    public static final long NONE = -1;

    /** Nothing known yet: the metadata of a freshly loaned or allocated buffer. */
    public static final Metadata EMPTY = new Metadata(NONE, NONE, NONE, Set.of(), Format.BYTES);

    /** Checks that each number is {@link #NONE} or not negative. */
    public Metadata {
        requireKnownOrNone("sequence", sequence);
        requireKnownOrNone("ptsNanos", ptsNanos);
        requireKnownOrNone("durationNanos", durationNanos);
        Objects.requireNonNull(flags, "Metadata flags");
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        Objects.requireNonNull(format, "Metadata format");
    }

    private static void requireKnownOrNone(String field, long value) {
        if (value < NONE) {
            throw new IllegalArgumentException(
                    "Metadata " + field + " must be at least 0, or NONE (-1) when unknown: " + value);
        }
    }

    /** This metadata with another sequence number. */
    public Metadata withSequence(long sequence) {
        return new Metadata(sequence, ptsNanos, durationNanos, flags, format);
    }

    /** This metadata with another presentation timestamp and duration, in nanoseconds. */
    public Metadata withTimes(long ptsNanos, long durationNanos) {
        return new Metadata(sequence, ptsNanos, durationNanos, flags, format);
    }

    /** This metadata with other flags. */
    public Metadata withFlags(Set<BufferFlag> flags) {
        return new Metadata(sequence, ptsNanos, durationNanos, flags, format);
    }

    /** This metadata with another format. */
    public Metadata withFormat(Format format) {
        return new Metadata(sequence, ptsNanos, durationNanos, flags, format);
    }

    /** Whether {@code flag} is set. */
    public boolean has(BufferFlag flag) {
        return flags.contains(flag);
    }
}

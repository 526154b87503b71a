package dev.parallax.api.pipeline;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A pad an element has, or can have: its name, its direction, when it exists, and the formats it accepts (an input)
 * or can produce (an output).
 *
 * @param name the pad's name: {@code sink} and {@code src} by GStreamer's convention, {@code src_%u} for request
 *     pads numbered from 0
 * @param direction whether buffers come in or go out through it
 * @param presence whether it always exists or is made per link
 * @param caps the formats it accepts or produces
 */
public record PadTemplate(String name, Direction direction, Presence presence, Caps caps) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*(%u)?");

    /** Whether buffers come in or go out. */
    public enum Direction {
        /** Buffers come in (GStreamer's sink pad). */
        INPUT,
        /** Buffers go out (GStreamer's source pad). */
        OUTPUT
    }

    /** When a pad exists. */
    public enum Presence {
        /** Exactly one pad, always linked. */
        ALWAYS,
        /** As many pads as the pipeline links, at least one; the name ends with {@code %u}. */
        REQUEST
    }

    /** Checks the name against the presence. */
    public PadTemplate {
        Objects.requireNonNull(name, "Pad name");
        Objects.requireNonNull(direction, () -> "Pad '" + name + "' direction");
        Objects.requireNonNull(presence, () -> "Pad '" + name + "' presence");
        Objects.requireNonNull(caps, () -> "Pad '" + name + "' caps");
        if (!NAME.matcher(name).matches() || (presence == Presence.REQUEST) != name.endsWith("%u")) {
            throw new IllegalArgumentException("Pad name '" + name + "' is invalid: use lowercase letters, digits and"
                    + " '_', ending with %u exactly when the pad is a request pad");
        }
    }

    /** An input pad that always exists. */
    public static PadTemplate input(String name, Caps caps) {
        return new PadTemplate(name, Direction.INPUT, Presence.ALWAYS, caps);
    }

    /** An output pad that always exists. */
    public static PadTemplate output(String name, Caps caps) {
        return new PadTemplate(name, Direction.OUTPUT, Presence.ALWAYS, caps);
    }

    /** Input pads made per link, such as a join's {@code sink_%u}. */
    public static PadTemplate inputs(String name, Caps caps) {
        return new PadTemplate(name, Direction.INPUT, Presence.REQUEST, caps);
    }

    /** Output pads made per link, such as a tee's {@code src_%u}. */
    public static PadTemplate outputs(String name, Caps caps) {
        return new PadTemplate(name, Direction.OUTPUT, Presence.REQUEST, caps);
    }
}

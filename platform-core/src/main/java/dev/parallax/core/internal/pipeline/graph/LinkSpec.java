package dev.parallax.core.internal.pipeline.graph;

import java.util.Objects;

/**
 * One link of a {@link GraphSpec}, from an output pad of one element to an input pad of another.
 *
 * @param from the upstream element's name
 * @param fromPad the output pad's name ({@code src}, {@code src_1}), or {@code null} for the next free one
 * @param to the downstream element's name
 * @param toPad the input pad's name, or {@code null} for the next free one
 * @param position where the link ({@code !}) is in the pipeline text, or -1 when it was not written as text
 */
public record LinkSpec(String from, String fromPad, String to, String toPad, int position) {
    /** Checks that both ends are named. */
    public LinkSpec {
        Objects.requireNonNull(from, "Link source");
        Objects.requireNonNull(to, "Link target");
    }

    /** This link without its position in the text. */
    public LinkSpec withoutPosition() {
        return new LinkSpec(from, fromPad, to, toPad, -1);
    }

    /** {@code from.pad ! to.pad} with {@code ?} for a pad left to the planner. */
    @Override
    public String toString() {
        return from + "." + (fromPad == null ? "?" : fromPad) + " ! " + to + "." + (toPad == null ? "?" : toPad);
    }
}

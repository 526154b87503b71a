package dev.parallax.api.pipeline;

import java.util.List;

/**
 * Something that happened to a pipeline, posted on its bus.
 *
 * <p>Sealed: new kinds of event come with a new minor version of this package, so a {@code switch} over it should
 * have a {@code default} branch.
 */
public sealed interface PipelineEvent {
    /** The pipeline's name. */
    String pipeline();

    /** The pipeline moved from one state to another. */
    record StateChanged(String pipeline, PipelineState from, PipelineState to) implements PipelineEvent {}

    /** Every sink saw the end of the stream. */
    record EndOfStream(String pipeline) implements PipelineEvent {}

    /**
     * An element failed.
     *
     * @param element the element's name
     * @param message what happened, with the cause's message
     * @param fatal whether the pipeline fails because of it ({@code false} when the policy absorbed it)
     */
    record Error(String pipeline, String element, String message, boolean fatal) implements PipelineEvent {}

    /** An element warned about something that does not stop the flow. */
    record Warning(String pipeline, String element, String message) implements PipelineEvent {}

    /** The statistics of every element, posted about once a second while running and once at the end. */
    record Stats(String pipeline, List<ElementStats> elements) implements PipelineEvent {
        /** Freezes the list. */
        public Stats {
            elements = List.copyOf(elements);
        }
    }

    /**
     * A running element moved to another version of its plugin.
     *
     * @param element the element's name
     * @param from the version it ran
     * @param to the version it runs now
     * @param drained whether it was drained and restarted (it declared itself not swappable) rather than swapped
     *     between two buffers
     */
    record Swapped(String pipeline, String element, String from, String to, boolean drained) implements PipelineEvent {}
}

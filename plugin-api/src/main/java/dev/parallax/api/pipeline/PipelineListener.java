package dev.parallax.api.pipeline;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives a pipeline's events, in order, on a thread of its own.
 *
 * <p>A consumer type: applications implement it.
 */
@ConsumerType
@FunctionalInterface
public interface PipelineListener {
    /** Called once per event; an exception is logged and the next event still comes. */
    void onEvent(PipelineEvent event);
}

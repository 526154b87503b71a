package dev.parallax.api.pipeline;

/** Where a pipeline is in its run. */
public enum PipelineState {
    /** Built and checked, not started. */
    CREATED,
    /** Buffers flow. */
    RUNNING,
    /** Asked to stop: the end of the stream is on its way to the sinks. */
    STOPPING,
    /** Every sink saw the end of the stream. */
    FINISHED,
    /** An element failed and its policy did not absorb it, or a deadline passed. */
    FAILED,
    /** Cancelled. */
    CANCELLED;

    /** Whether the run is over. */
    public boolean isTerminal() {
        return this == FINISHED || this == FAILED || this == CANCELLED;
    }
}

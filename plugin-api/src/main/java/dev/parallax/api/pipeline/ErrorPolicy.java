package dev.parallax.api.pipeline;

/**
 * What the runtime does when an element throws while processing a buffer: the {@code on-error} property every
 * element has.
 */
public enum ErrorPolicy {
    /** Fail the pipeline (the default). */
    FAIL,
    /** Release the buffer, count it as dropped, post a warning and go on. */
    DROP,
    /**
     * Stop the element, make a new one and go on, waiting {@code restart-backoff} (doubled after each restart in a
     * row) first; the buffer that failed is dropped.
     */
    RESTART
}

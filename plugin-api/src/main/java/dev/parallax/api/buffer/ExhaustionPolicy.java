package dev.parallax.api.buffer;

/** What {@link MemoryPool#loan()} does when every slot is on loan. */
public enum ExhaustionPolicy {
    /**
     * Wait for a slot to come back, up to the pool's wait timeout: backpressure that slows a producer to the pace of
     * its consumers. A wait can be interrupted.
     */
    WAIT,
    /** Fail at once with an {@link IllegalStateException} naming the pool and its size. */
    FAIL
}

package dev.parallax.core.internal.pipeline.elements;

import dev.parallax.api.buffer.PoolConfig;
import dev.parallax.api.pipeline.ElementContext;
import java.time.Duration;

/** The pools the core sources loan their buffers from. */
final class Slots {
    /**
     * How long a loan waits for a slot before the source fails: long, because a slow element downstream holds slots
     * for as long as it works on them (backpressure); a cancelled pipeline interrupts the wait.
     */
    static final Duration WAIT = Duration.ofSeconds(60);

    private Slots() {}

    /** A native pool named after the pipeline and the element, waiting {@link #WAIT} when exhausted. */
    static PoolConfig config(ElementContext context, int slots, long slotSize) {
        return PoolConfig.of(context.pipeline() + "/" + context.name(), slots, slotSize)
                .waitWhenExhausted(WAIT);
    }
}

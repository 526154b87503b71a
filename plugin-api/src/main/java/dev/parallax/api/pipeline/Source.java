package dev.parallax.api.pipeline;

import dev.parallax.api.buffer.Buffer;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An element with no input pads: it makes buffers.
 *
 * <p>The runtime calls {@link #produce} again and again on one thread until it returns {@code false} (the end of the
 * stream) or the pipeline stops.
 *
 * <p>A consumer type: plugins implement it.
 */
@ConsumerType
public interface Source extends Element {
    /**
     * Pushes the next buffers (usually one) to the output.
     *
     * @return {@code false} at the end of the stream, after pushing the last buffers
     * @throws Exception a failure, handled by the element's error policy
     */
    boolean produce(Output output) throws Exception;

    /** A source has no input pads, so this is never called. */
    @Override
    default void process(int input, Buffer buffer, Output output) {
        buffer.release();
        throw new IllegalStateException("A source element has no input pads: input " + input);
    }
}

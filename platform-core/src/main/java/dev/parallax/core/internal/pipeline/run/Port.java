package dev.parallax.core.internal.pipeline.run;

import dev.parallax.api.buffer.Buffer;

/**
 * Where one output pad leads: chosen once when the pipeline is set up, so that pushing a buffer is one call with
 * no decision in it.
 *
 * <p>Pushing to a port passes the buffer's ownership even when the push throws: the port (or the element behind
 * it) releases what it cannot deliver.
 */
sealed interface Port {
    /** Delivers a buffer. */
    void accept(Buffer buffer);

    /** Ends the stream on this link. */
    void end();

    /** Into the next element on the same thread: a direct call. */
    record Direct(Node next, int pad) implements Port {
        @Override
        public void accept(Buffer buffer) {
            next.process(pad, buffer);
        }

        @Override
        public void end() {
            next.endOfStream(); // an element reached directly has this one input only
        }
    }

    /** Into a channel read by another thread. */
    record Hop(Channel channel) implements Port {
        @Override
        public void accept(Buffer buffer) {
            channel.offer(buffer);
        }

        @Override
        public void end() {
            channel.offer(Channel.END);
        }
    }
}

package dev.parallax.core.internal.pipeline.flow;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.pipeline.Element;
import dev.parallax.api.pipeline.Output;
import java.util.List;

/**
 * The {@code queue} element: passes each buffer on unchanged. Its work is done by the runtime, which recognises
 * this class and puts a bounded channel of {@link #capacity()} buffers before it, so that the elements after it run
 * on a thread of their own and a producer that finds the channel full waits (backpressure).
 */
public final class QueueElement implements Element {
    private final int capacity;

    /** A queue holding at most {@code capacity} buffers. */
    public QueueElement(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("Element 'queue' max-size-buffers must be at least 1: " + capacity);
        }
        this.capacity = capacity;
    }

    /** The most buffers waiting before this element: its {@code max-size-buffers} property. */
    public int capacity() {
        return capacity;
    }

    @Override
    public List<Format> negotiate(List<Format> inputs, int outputs) {
        if (inputs.size() != 1 || outputs != 1) {
            throw new IllegalArgumentException(
                    "Element 'queue' links one input and one output, not " + inputs.size() + " and " + outputs);
        }
        return inputs;
    }

    @Override
    public void process(int input, Buffer buffer, Output output) {
        output.push(buffer);
    }
}

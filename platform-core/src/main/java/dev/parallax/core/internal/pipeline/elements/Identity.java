package dev.parallax.core.internal.pipeline.elements;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.pipeline.Element;
import dev.parallax.api.pipeline.Output;
import java.util.List;
import java.util.SplittableRandom;

/** An {@code identity}: each buffer is counted, maybe failed on, slept over or dropped, and pushed on. */
final class Identity implements Element {
    /** Fixed, so that a run drops the same buffers as the last one. */
    private static final long DROP_SEED = 0x1D_E7_17_7AL;

    private final long errorAfter;
    private final long sleepMillis;
    private final int sleepNanos;
    private final double dropProbability;
    private final SplittableRandom random = new SplittableRandom(DROP_SEED);
    private long count;

    Identity(long errorAfter, long sleepMicros, double dropProbability) {
        this.errorAfter = errorAfter > 0 ? errorAfter : -1;
        this.sleepMillis = sleepMicros / 1000;
        this.sleepNanos = (int) (sleepMicros % 1000) * 1000;
        this.dropProbability = dropProbability;
    }

    @Override
    public List<Format> negotiate(List<Format> inputs, int outputs) {
        if (inputs.size() != 1 || outputs != 1) {
            throw new IllegalArgumentException(
                    "identity has one input and one output, not " + inputs.size() + " and " + outputs);
        }
        return List.of(inputs.getFirst());
    }

    /**
     * Passes {@code buffer} on. On the {@code error-after}th buffer it throws and leaves the buffer to the
     * runtime's error policy, unreleased.
     */
    @Override
    public void process(int input, Buffer buffer, Output output) throws InterruptedException {
        if (++count == errorAfter) {
            throw new IllegalStateException(
                    "identity fails on buffer " + count + " as asked (error-after=" + errorAfter + ")");
        }
        if (sleepMillis > 0 || sleepNanos > 0) {
            Thread.sleep(sleepMillis, sleepNanos);
        }
        if (dropProbability > 0 && random.nextDouble() < dropProbability) {
            buffer.release();
            return;
        }
        output.push(buffer);
    }
}

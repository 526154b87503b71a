package dev.parallax.core.internal.pipeline.flow;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.pipeline.Element;
import dev.parallax.api.pipeline.Output;
import java.util.Collections;
import java.util.List;

/**
 * The {@code tee} element: sends each buffer to every linked output pad without copying its bytes, a {@link
 * Buffer#share() share} to each pad but the last and the buffer itself to the last.
 */
public final class TeeElement implements Element {
    @Override
    public List<Format> negotiate(List<Format> inputs, int outputs) {
        if (inputs.size() != 1 || outputs < 1) {
            throw new IllegalArgumentException("Element 'tee' links one input and at least one output (src_%u), not "
                    + inputs.size() + " and " + outputs);
        }
        return Collections.nCopies(outputs, inputs.getFirst());
    }

    @Override
    public void process(int input, Buffer buffer, Output output) {
        int last = output.pads() - 1;
        for (int pad = 0; pad < last; pad++) {
            Buffer share;
            try {
                share = buffer.share();
            } catch (RuntimeException e) {
                buffer.release();
                throw e;
            }
            try {
                output.push(pad, share);
            } catch (RuntimeException e) {
                buffer.release(); // the push took the share; the buffer itself is still this element's
                throw e;
            }
        }
        output.push(last, buffer);
    }
}

package dev.parallax.core.internal.pipeline.elements;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.pipeline.Element;
import dev.parallax.api.pipeline.ElementContext;
import dev.parallax.api.pipeline.Output;
import java.io.PrintStream;
import java.util.List;

/** A {@code fakesink}: a release per buffer, and a printed line when not silent. */
final class FakeSink implements Element {
    private final boolean silent;
    private final PrintStream out;
    private String name = FakeSinkFactory.NAME;

    FakeSink(boolean silent, PrintStream out) {
        this.silent = silent;
        this.out = out;
    }

    @Override
    public List<Format> negotiate(List<Format> inputs, int outputs) {
        if (inputs.size() != 1 || outputs != 0) {
            throw new IllegalArgumentException(
                    "fakesink has one input and no output, not " + inputs.size() + " and " + outputs);
        }
        return List.of();
    }

    @Override
    public void start(ElementContext context) {
        name = context.name();
    }

    @Override
    public void process(int input, Buffer buffer, Output output) {
        if (!silent) {
            out.println(name + ": buffer " + buffer.metadata().sequence() + ", " + buffer.byteSize() + " bytes, "
                    + buffer.metadata().format());
        }
        buffer.release();
    }
}

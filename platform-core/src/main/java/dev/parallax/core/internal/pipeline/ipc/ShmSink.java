package dev.parallax.core.internal.pipeline.ipc;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.pipeline.Element;
import dev.parallax.api.pipeline.ElementContext;
import dev.parallax.api.pipeline.Output;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A running {@code shmsink}: listens from {@link #start}, waits for its receiver at the first buffer (up to {@code
 * wait-timeout}), copies each buffer into a shared slot, and sends the end of the stream.
 */
final class ShmSink implements Element {
    private final Path socket;
    private final int slots;
    private final long slotSize;
    private final Duration waitTimeout;
    private final long spinNanos;
    private Format format;
    private ShmSender sender;

    ShmSink(Path socket, int slots, long slotSize, Duration waitTimeout, long spinNanos) {
        this.socket = socket;
        this.slots = slots;
        this.slotSize = slotSize;
        this.waitTimeout = waitTimeout;
        this.spinNanos = spinNanos;
    }

    @Override
    public List<Format> negotiate(List<Format> inputs, int outputs) {
        format = inputs.getFirst();
        return List.of();
    }

    @Override
    public void start(ElementContext context) {
        sender = ShmSender.open(
                new ShmSender.Options(socket, slots, slotSize, format, waitTimeout, spinNanos, context::isStopping));
    }

    @Override
    public void process(int input, Buffer buffer, Output output) throws InterruptedException {
        sender.send(buffer);
    }

    @Override
    public void endOfStream(Output output) throws InterruptedException {
        sender.endOfStream();
    }

    @Override
    public void stop() {
        if (sender != null) {
            sender.close();
        }
    }
}

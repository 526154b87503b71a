package dev.parallax.core.internal.pipeline.ipc;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.pipeline.ElementContext;
import dev.parallax.api.pipeline.Output;
import dev.parallax.api.pipeline.Source;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A running {@code shmsrc}: connects at {@link #start} (waiting up to {@code wait-timeout} for the sink's socket)
 * and pushes each received buffer, a view of a shared slot, downstream.
 */
final class ShmSrc implements Source {
    private final Path socket;
    private final Format format;
    private final Duration waitTimeout;
    private final long spinNanos;
    private ShmReceiver receiver;

    ShmSrc(Path socket, Format format, Duration waitTimeout, long spinNanos) {
        this.socket = socket;
        this.format = format;
        this.waitTimeout = waitTimeout;
        this.spinNanos = spinNanos;
    }

    @Override
    public List<Format> negotiate(List<Format> inputs, int outputs) {
        return List.of(format);
    }

    @Override
    public void start(ElementContext context) throws InterruptedException {
        receiver = ShmReceiver.connect(
                new ShmReceiver.Options(socket, format, waitTimeout, spinNanos, context::isStopping));
    }

    @Override
    public boolean produce(Output output) throws InterruptedException {
        Buffer buffer = receiver.receive();
        if (buffer == null) {
            return false;
        }
        output.push(buffer);
        return true;
    }

    @Override
    public void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }
}

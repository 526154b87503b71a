package dev.parallax.core.internal.pipeline;

import dev.parallax.api.pipeline.ElementStats;
import dev.parallax.api.pipeline.Pipeline;
import dev.parallax.api.pipeline.PipelineListener;
import dev.parallax.api.pipeline.PipelineState;
import dev.parallax.core.internal.pipeline.run.RunningPipeline;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * A pipeline as the service hands it out: the running pipeline, which the service forgets when it is closed. Only
 * control calls go through here, never buffers.
 */
final class Kept implements Pipeline {
    private final RunningPipeline running;
    private final Consumer<Kept> onClose;

    Kept(RunningPipeline running, Consumer<Kept> onClose) {
        this.running = running;
        this.onClose = onClose;
    }

    RunningPipeline running() {
        return running;
    }

    @Override
    public String name() {
        return running.name();
    }

    @Override
    public String description() {
        return running.description();
    }

    @Override
    public PipelineState state() {
        return running.state();
    }

    @Override
    public void start() {
        running.start();
    }

    @Override
    public void stop() {
        running.stop();
    }

    @Override
    public void cancel() {
        running.cancel();
    }

    @Override
    public PipelineState await(Duration timeout) throws InterruptedException {
        return running.await(timeout);
    }

    @Override
    public List<ElementStats> stats() {
        return running.stats();
    }

    @Override
    public AutoCloseable subscribe(PipelineListener listener) {
        return running.subscribe(listener);
    }

    @Override
    public String toDot() {
        return running.toDot();
    }

    @Override
    public String toJson() {
        return running.toJson();
    }

    @Override
    public void close() {
        running.close();
        onClose.accept(this);
    }

    @Override
    public String toString() {
        return running.toString();
    }
}

package dev.parallax.launcher.internal;

import dev.parallax.api.pipeline.Pipeline;
import dev.parallax.api.pipeline.Pipelines;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Supplier;

/** {@code stop <pipeline>}: asks a running pipeline to end its stream, or cancels it. */
final class StopCommand implements Command {
    private final Supplier<Pipelines> pipelines;

    StopCommand(Supplier<Pipelines> pipelines) {
        this.pipelines = pipelines;
    }

    @Override
    public String name() {
        return "stop";
    }

    @Override
    public String arguments() {
        return "[--cancel] <pipeline>";
    }

    @Override
    public String summary() {
        return "Stop a pipeline: end its stream (or --cancel it at once) and forget it";
    }

    @Override
    public String help() {
        return "Asks the pipeline's sources to end the stream, so that what is in flight reaches the sinks, and"
                + " forgets the pipeline once it ended. With --cancel, buffers in flight are dropped.";
    }

    @Override
    public int run(List<String> arguments, PrintStream out) throws UsageException {
        boolean cancel = arguments.contains("--cancel");
        List<String> names =
                arguments.stream().filter(word -> !word.equals("--cancel")).toList();
        if (names.size() != 1) {
            throw new UsageException("stop takes one pipeline name, got " + names.size() + ".");
        }
        Pipeline pipeline = Graphs.find(pipelines.get(), names.getFirst(), out);
        if (pipeline == null) {
            return 1;
        }
        if (cancel) {
            pipeline.cancel();
        } else {
            pipeline.stop();
        }
        try {
            out.println(pipeline.name() + " " + pipeline.await(java.time.Duration.ofSeconds(30)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pipeline.close();
        return 0;
    }
}

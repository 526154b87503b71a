package dev.parallax.launcher.internal;

import dev.parallax.api.pipeline.ElementStats;
import dev.parallax.api.pipeline.Pipeline;
import dev.parallax.api.pipeline.Pipelines;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** {@code pipelines}: the pipelines of this platform, with their state and per-element statistics. */
final class PipelinesCommand implements Command {
    private final Supplier<Pipelines> pipelines;

    PipelinesCommand(Supplier<Pipelines> pipelines) {
        this.pipelines = pipelines;
    }

    @Override
    public String name() {
        return "pipelines";
    }

    @Override
    public String arguments() {
        return "";
    }

    @Override
    public String summary() {
        return "List the pipelines of this platform (started with run --detach) and their statistics";
    }

    @Override
    public String help() {
        return "Lists each pipeline with its state and, per element, the buffers in and out, drops, restarts and"
                + " mean latency. Useful in the shell or with 'serve'; a one-shot ./parallax has none.";
    }

    @Override
    public int run(List<String> arguments, PrintStream out) throws UsageException {
        if (!arguments.isEmpty()) {
            throw new UsageException("pipelines takes no arguments.");
        }
        List<Pipeline> all = pipelines.get().pipelines();
        if (all.isEmpty()) {
            out.println("No pipelines.");
            return 0;
        }
        for (Pipeline pipeline : all) {
            out.println(pipeline.name() + " [" + pipeline.state().name().toLowerCase(Locale.ROOT) + "] "
                    + pipeline.description());
            Table table = new Table("  element", "in", "out", "dropped", "restarts", "mean latency");
            for (ElementStats element : pipeline.stats()) {
                table.row(
                        "  " + element.element(),
                        element.buffersIn(),
                        element.buffersOut(),
                        element.dropped(),
                        element.restarts(),
                        Progress.nanos(element.meanLatencyNanos()));
            }
            table.print(out);
        }
        return 0;
    }
}

package dev.parallax.launcher.internal;

import dev.parallax.api.pipeline.ElementStats;
import dev.parallax.api.pipeline.Pipeline;
import dev.parallax.api.pipeline.PipelineEvent;
import dev.parallax.api.pipeline.PipelineException;
import dev.parallax.api.pipeline.PipelineState;
import dev.parallax.api.pipeline.Pipelines;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code ./parallax run <pipeline>}: builds a pipeline from its text, runs it to the end with a progress line, and
 * prints a summary per element.
 */
final class RunCommand implements Command {
    /**
     * What {@code ./parallax run} runs when given no pipeline: only shipped elements, 1080p gray frames through a
     * thread hop and the threshold plugin's tile kernel (SIMD where the JVM has the Vector API module).
     */
    static final String DEMO = "testsrc num-buffers=600 format=gray8 width=1920 height=1080 pattern=ramp ! queue"
            + " ! threshold method=tile tile-size=4 ! fakesink";

    private final Supplier<Pipelines> pipelines;

    RunCommand(Supplier<Pipelines> pipelines) {
        this.pipelines = pipelines;
    }

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String arguments() {
        return "[--detach] [--timeout <duration>] [pipeline]";
    }

    @Override
    public String summary() {
        return "Run a pipeline, e.g. run testsrc num-buffers=1000 ! identity ! fakesink";
    }

    @Override
    public String help() {
        return """
                Builds the pipeline (elements linked by '!', property=value pairs, 'name=' and 'name.' for branches,
                as gst-launch writes them), runs it until the end of the stream, and prints a progress line (buffers
                and rate at the sinks) and a summary per element. Quote the pipeline or write it as separate words.
                './parallax inspect' lists the elements. With no pipeline, runs the demo:
                  %s

                  --timeout <duration>  stop the pipeline after this long (e.g. 30s, 2m); it then ends normally
                  --detach              start it and return at once (in the shell: see 'pipelines', 'stop')

                Exit status: 0 when the pipeline finished, 1 when it could not be built or failed.""".formatted(DEMO);
    }

    @Override
    public int run(List<String> arguments, PrintStream out) throws UsageException {
        List<String> words = new ArrayList<>(arguments);
        boolean detach = words.remove("--detach");
        Duration timeout = null;
        int flag = words.indexOf("--timeout");
        if (flag >= 0) {
            if (flag + 1 >= words.size()) {
                throw new UsageException("--timeout needs a duration, such as 30s.");
            }
            timeout = Durations.parse("--timeout", words.get(flag + 1));
            words.remove(flag + 1);
            words.remove(flag);
        }
        if (words.isEmpty()) {
            out.println("Running the demo pipeline: " + DEMO);
        }
        String text = words.isEmpty() ? DEMO : String.join(" ", words);
        Pipeline pipeline;
        try {
            pipeline = pipelines.get().parse(text);
        } catch (PipelineException e) {
            out.println("The pipeline cannot be built: " + e.getMessage());
            return 1;
        }
        if (detach) {
            pipeline.start();
            out.println("Started " + pipeline.name() + ": " + pipeline.description());
            return 0;
        }
        try (pipeline) {
            return runToEnd(pipeline, timeout, out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println();
            out.println("Interrupted: " + pipeline.name() + " cancelled.");
            return 1;
        }
    }

    private static int runToEnd(Pipeline pipeline, Duration timeout, PrintStream out) throws InterruptedException {
        Progress progress = new Progress(out);
        List<String> problems = new ArrayList<>();
        try (AutoCloseable subscription = pipeline.subscribe(event -> {
            switch (event) {
                case PipelineEvent.Stats stats -> progress.update(stats.elements());
                case PipelineEvent.Error error ->
                    problems.add(
                            (error.fatal() ? "error in " : "dropped in ") + error.element() + ": " + error.message());
                case PipelineEvent.Warning warning ->
                    problems.add("warning from " + warning.element() + ": " + warning.message());
                case PipelineEvent.Swapped swap ->
                    problems.add("swapped " + swap.element() + " from " + swap.from() + " to " + swap.to()
                            + (swap.drained() ? " (drained and restarted)" : ""));
                default -> {}
            }
        })) {
            long started = System.nanoTime();
            pipeline.start();
            PipelineState state = pipeline.await(timeout == null ? Duration.ofDays(365) : timeout);
            if (!state.isTerminal()) {
                pipeline.stop();
                state = pipeline.await(Duration.ofSeconds(30));
                if (!state.isTerminal()) {
                    pipeline.cancel();
                    state = pipeline.await(Duration.ofSeconds(5));
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            progress.finish(pipeline.stats());
            summary(pipeline, state, seconds, problems, out);
            return state == PipelineState.FINISHED ? 0 : 1;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            out.println("The pipeline failed: " + e.getMessage());
            return 1;
        }
    }

    private static void summary(
            Pipeline pipeline, PipelineState state, double seconds, List<String> problems, PrintStream out) {
        synchronized (problems) {
            problems.forEach(problem -> out.println("  " + problem));
        }
        out.println(pipeline.name() + " " + state.name().toLowerCase(Locale.ROOT) + " after "
                + String.format(Locale.ROOT, "%.3f s", seconds));
        Table table = new Table("element", "version", "in", "out", "bytes in", "dropped", "restarts", "mean latency");
        for (ElementStats element : pipeline.stats()) {
            table.row(
                    element.element() + " (" + element.factory() + ")",
                    element.version(),
                    element.buffersIn(),
                    element.buffersOut(),
                    element.bytesIn(),
                    element.dropped(),
                    element.restarts(),
                    Progress.nanos(element.meanLatencyNanos()));
        }
        table.print(out);
    }
}

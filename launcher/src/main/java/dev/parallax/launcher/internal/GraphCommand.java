package dev.parallax.launcher.internal;

import dev.parallax.api.pipeline.Pipeline;
import dev.parallax.api.pipeline.PipelineException;
import dev.parallax.api.pipeline.Pipelines;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code graph [--json] <pipeline>}: the graph of a running pipeline (by name) or of a pipeline text (built, not
 * run), in Graphviz DOT or JSON.
 */
final class GraphCommand implements Command {
    private final Supplier<Pipelines> pipelines;

    GraphCommand(Supplier<Pipelines> pipelines) {
        this.pipelines = pipelines;
    }

    @Override
    public String name() {
        return "graph";
    }

    @Override
    public String arguments() {
        return "[--json] <pipeline-name | pipeline>";
    }

    @Override
    public String summary() {
        return "Print a pipeline's graph in DOT (or --json): elements, pads and negotiated formats";
    }

    @Override
    public String help() {
        return """
                Given the name of a pipeline of this platform, prints its graph with its state; given a pipeline
                text, builds it (checking it) without running it and prints its graph. DOT by default, for
                'dot -Tpng'; --json for programs.""";
    }

    @Override
    public int run(List<String> arguments, PrintStream out) throws UsageException {
        List<String> words = new ArrayList<>(arguments);
        boolean json = words.remove("--json");
        if (words.isEmpty()) {
            throw new UsageException("graph needs a pipeline name or a pipeline text.");
        }
        String text = String.join(" ", words);
        for (Pipeline pipeline : pipelines.get().pipelines()) {
            if (pipeline.name().equals(text)) {
                out.println(json ? pipeline.toJson() : pipeline.toDot());
                return 0;
            }
        }
        try (Pipeline pipeline = pipelines.get().parse(text)) {
            out.println(json ? pipeline.toJson() : pipeline.toDot());
            return 0;
        } catch (PipelineException e) {
            out.println(
                    "No pipeline called '" + text + "', and as a pipeline text it cannot be built: " + e.getMessage());
            return 1;
        }
    }
}

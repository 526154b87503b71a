package dev.parallax.launcher.internal;

import dev.parallax.api.pipeline.Pipeline;
import dev.parallax.api.pipeline.Pipelines;
import java.io.PrintStream;
import java.util.List;

/** Finding a pipeline by name, for the commands that take one. */
final class Graphs {
    private Graphs() {}

    /** The pipeline called {@code name}, or {@code null} after saying which ones there are. */
    static Pipeline find(Pipelines pipelines, String name, PrintStream out) {
        List<Pipeline> all = pipelines.pipelines();
        for (Pipeline pipeline : all) {
            if (pipeline.name().equals(name)) {
                return pipeline;
            }
        }
        List<String> names = all.stream().map(Pipeline::name).toList();
        out.println("No pipeline '" + name + "'"
                + (names.isEmpty() ? "; there are none." : "; there are: " + String.join(", ", names) + "."));
        return null;
    }
}

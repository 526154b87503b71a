package dev.parallax.core.internal.pipeline.graph;

import dev.parallax.api.pipeline.Pipeline;
import java.util.Optional;

/**
 * Makes a pipeline of a graph: what {@link PipelineBuilderImpl#build()} hands its graph to. The pipeline service
 * plans it ({@link Planner}) and gives the plan to the executor.
 */
@FunctionalInterface
public interface PipelineAssembler {
    /**
     * Plans and makes a pipeline, not started.
     *
     * @param name the pipeline's name, or empty for the service to number it
     * @throws dev.parallax.api.pipeline.PipelineException saying what is wrong
     */
    Pipeline assemble(Optional<String> name, GraphSpec graph);
}

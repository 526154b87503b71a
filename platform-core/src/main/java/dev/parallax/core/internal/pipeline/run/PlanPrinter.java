package dev.parallax.core.internal.pipeline.run;

import dev.parallax.api.pipeline.PipelineState;
import dev.parallax.core.internal.pipeline.Plan;
import java.util.function.BiFunction;

/**
 * Writes a plan for {@link RunningPipeline#toDot()} and {@link RunningPipeline#toJson()}: the graph builder owns
 * the text forms, the executor only hands it the plan as it runs now (with the factories and elements of any swap)
 * and the pipeline's state.
 */
public interface PlanPrinter {
    /** The plan in Graphviz DOT. */
    String dot(Plan plan, PipelineState state);

    /** The plan as JSON. */
    String json(Plan plan, PipelineState state);

    /** A printer of two functions, such as the graph builder's static ones. */
    static PlanPrinter of(BiFunction<Plan, PipelineState, String> dot, BiFunction<Plan, PipelineState, String> json) {
        return new PlanPrinter() {
            @Override
            public String dot(Plan plan, PipelineState state) {
                return dot.apply(plan, state);
            }

            @Override
            public String json(Plan plan, PipelineState state) {
                return json.apply(plan, state);
            }
        };
    }
}

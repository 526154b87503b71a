package dev.parallax.core.internal.pipeline.run;

import dev.parallax.api.pipeline.PipelineState;
import dev.parallax.core.internal.pipeline.Plan;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Draws a plan for {@link RunningPipeline#toDot()} and {@link RunningPipeline#toJson()}: the graph builder owns the
 * text forms, the executor only hands it the plan as it runs now (with the factories and elements of any swap).
 */
public interface PlanRenderer {
    /** The plan in Graphviz DOT. */
    String toDot(Plan plan);

    /** The plan as JSON, with the pipeline's state. */
    String toJson(Plan plan, PipelineState state);

    /** A renderer of two functions. */
    static PlanRenderer of(Function<Plan, String> dot, BiFunction<Plan, PipelineState, String> json) {
        return new PlanRenderer() {
            @Override
            public String toDot(Plan plan) {
                return dot.apply(plan);
            }

            @Override
            public String toJson(Plan plan, PipelineState state) {
                return json.apply(plan, state);
            }
        };
    }
}

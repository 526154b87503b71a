package dev.parallax.core.internal.pipeline;

import java.util.List;

/**
 * A checked pipeline, ready to run: what the graph builder hands to the executor.
 *
 * @param name the pipeline's name
 * @param description the pipeline in the text form, every element named and every property given
 * @param nodes the elements in a topological order (every link goes from a lower index to a higher one)
 * @param links every link
 */
public record Plan(String name, String description, List<PlanNode> nodes, List<PlanLink> links) {
    /** Freezes the lists. */
    public Plan {
        nodes = List.copyOf(nodes);
        links = List.copyOf(links);
    }
}

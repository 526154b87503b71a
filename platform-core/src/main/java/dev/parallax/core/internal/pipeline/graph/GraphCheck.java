package dev.parallax.core.internal.pipeline.graph;

import dev.parallax.api.pipeline.PipelineException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.cycle.CycleDetector;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * The pipeline as a JGraphT graph (elements are vertices by their index, links are edges by theirs): checks it has
 * no cycle and orders it.
 */
final class GraphCheck {
    private GraphCheck() {}

    /**
     * The elements in a topological order, ties broken by the order written, so that the order is stable.
     *
     * @throws PipelineException naming the elements of a cycle, in link order
     */
    static List<Draft> order(GraphSpec graph, List<Draft> drafts, List<Wiring.Wire> wires) {
        Graph<Integer, Integer> g = new DirectedPseudograph<>(Integer.class);
        for (Draft draft : drafts) {
            g.addVertex(draft.index);
        }
        for (int i = 0; i < wires.size(); i++) {
            g.addEdge(wires.get(i).from().index, wires.get(i).to().index, i);
        }
        CycleDetector<Integer, Integer> cycles = new CycleDetector<>(g);
        if (cycles.detectCycles()) {
            Set<Integer> inCycles = cycles.findCycles();
            int start = inCycles.stream().min(Comparator.naturalOrder()).orElseThrow();
            List<Integer> edges = cycle(g, start, cycles.findCyclesContainingVertex(start));
            StringBuilder path = new StringBuilder(drafts.get(start).name());
            for (int edge : edges) {
                path.append(" -> ").append(wires.get(edge).to().name());
            }
            throw TextErrors.at(
                    graph.text(),
                    wires.get(edges.getFirst()).spec().position(),
                    "The pipeline has a" + " cycle: " + path
                            + "; buffers must flow one way (use a tee to branch, not a loop)");
        }
        List<Draft> order = new ArrayList<>(drafts.size());
        new TopologicalOrderIterator<>(g, Comparator.<Integer>naturalOrder())
                .forEachRemaining(index -> order.add(drafts.get(index)));
        return order;
    }

    /** The edges of a shortest cycle through {@code start}, staying among {@code members}, in order. */
    private static List<Integer> cycle(Graph<Integer, Integer> g, int start, Set<Integer> members) {
        Map<Integer, Integer> reachedBy = new HashMap<>();
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            int vertex = queue.poll();
            for (int edge : g.outgoingEdgesOf(vertex).stream().sorted().toList()) {
                int target = g.getEdgeTarget(edge);
                if (target == start) {
                    List<Integer> edges = new ArrayList<>(List.of(edge));
                    for (int at = vertex; at != start; at = g.getEdgeSource(reachedBy.get(at))) {
                        edges.addFirst(reachedBy.get(at));
                    }
                    return edges;
                }
                if (members.contains(target) && !reachedBy.containsKey(target)) {
                    reachedBy.put(target, edge);
                    queue.add(target);
                }
            }
        }
        throw new IllegalStateException("Vertex " + start + " is in no cycle");
    }
}

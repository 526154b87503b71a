package dev.parallax.core.internal.pipeline.graph;

import dev.parallax.api.pipeline.Element;
import dev.parallax.api.pipeline.ElementDescription;
import dev.parallax.api.pipeline.PipelineException;
import dev.parallax.core.internal.pipeline.ElementCatalog;
import dev.parallax.core.internal.pipeline.Plan;
import dev.parallax.core.internal.pipeline.PlanLink;
import dev.parallax.core.internal.pipeline.PlanNode;
import dev.parallax.core.internal.pipeline.ResolvedFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link GraphSpec} into a checked {@link Plan}: resolves each factory once through the {@link
 * ElementCatalog}, reads the properties, gives the links their pads, checks the graph (no cycle, every pad linked),
 * creates the elements and negotiates the formats in topological order.
 *
 * <p>On any failure every factory acquired is closed again and the elements made are dropped, none started.
 */
public final class Planner {
    private final ElementCatalog catalog;

    /** A planner over the elements of {@code catalog}. */
    public Planner(ElementCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Checks {@code graph} and makes its plan, named {@code name}.
     *
     * @throws PipelineException saying what is wrong: an unknown element or property, a bad value, a pad, a cycle,
     *     formats that do not agree
     */
    public Plan plan(String name, GraphSpec graph) {
        Map<String, ResolvedFactory> factories = new LinkedHashMap<>();
        try {
            Map<String, Draft> drafts = new LinkedHashMap<>();
            for (ElementSpec element : graph.elements()) {
                ResolvedFactory factory = factories.get(element.factory());
                if (factory == null) {
                    factory = resolve(graph, element);
                    factories.put(element.factory(), factory);
                }
                ElementDescription description = factory.description();
                drafts.put(
                        element.name(),
                        new Draft(drafts.size(), element, factory, PropertyReader.read(graph, element, description)));
            }
            List<Wiring.Wire> wires = Wiring.connect(graph, drafts);
            List<Draft> order = GraphCheck.order(graph, List.copyOf(drafts.values()), wires);
            for (Draft draft : order) {
                draft.element = create(graph, draft);
            }
            Negotiation.run(graph, order, wires);
            return assemble(name, order, wires);
        } catch (RuntimeException e) {
            for (ResolvedFactory factory : factories.values()) {
                try {
                    factory.close();
                } catch (RuntimeException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw e instanceof PipelineException pipeline
                    ? pipeline
                    : new PipelineException("Pipeline '" + name + "' cannot be built: " + e, e);
        }
    }

    private ResolvedFactory resolve(GraphSpec graph, ElementSpec element) {
        ResolvedFactory factory = catalog.resolve(element.factory()).orElse(null);
        if (factory == null) {
            List<String> known =
                    catalog.elements().stream().map(ElementDescription::name).toList();
            List<String> close = Suggestions.closeTo(element.factory(), known);
            throw TextErrors.at(
                    graph.text(),
                    element.position(),
                    "No element '" + element.factory() + "'"
                            + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?")
                            + " (./parallax inspect lists them all)");
        }
        String described = factory.description().name();
        if (!described.equals(element.factory())) {
            factory.close();
            throw new PipelineException("Plugin " + factory.plugin() + " registers element '" + described
                    + "' under the id '" + element.factory() + "': the plugin id must be the element name");
        }
        return factory;
    }

    private static Element create(GraphSpec graph, Draft draft) {
        Element element;
        try {
            element = draft.factory.factory().create(draft.values);
        } catch (IllegalArgumentException e) {
            throw TextErrors.at(
                    graph.text(),
                    draft.spec.position(),
                    "Element " + draft.label() + " rejects its properties: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new PipelineException("Element " + draft.label() + " failed to be made: " + e, e);
        }
        if (element == null) {
            throw new PipelineException(
                    "Element " + draft.label() + " was made as null: a bug in its plugin " + draft.factory.plugin());
        }
        return element;
    }

    private static Plan assemble(String name, List<Draft> order, List<Wiring.Wire> wires) {
        int[] place = new int[order.size()];
        List<PlanNode> nodes = new ArrayList<>();
        for (Draft draft : order) {
            place[draft.index] = nodes.size();
            nodes.add(new PlanNode(
                    draft.name(),
                    draft.factory,
                    draft.values,
                    draft.settings,
                    draft.element,
                    draft.inputFormats,
                    draft.outputFormats));
        }
        List<PlanLink> links = new ArrayList<>();
        for (Wiring.Wire wire : wires) {
            Draft from = wire.from();
            int output = from.outputs.number(wire.output());
            links.add(new PlanLink(
                    place[from.index],
                    output,
                    wire.output().name(),
                    place[wire.to().index],
                    wire.to().inputs.number(wire.input()),
                    wire.input().name(),
                    from.outputFormats.get(output)));
        }
        links.sort(Comparator.comparingInt(PlanLink::from).thenComparingInt(PlanLink::output));
        return new Plan(name, CanonicalText.write(nodes, links), nodes, links);
    }
}

package dev.parallax.core.internal.pipeline.graph;

import dev.parallax.api.buffer.Format;
import dev.parallax.api.pipeline.Caps;
import dev.parallax.api.pipeline.PipelineException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Agrees the format on every link: in topological order, each element is told the formats on its inputs and says
 * what it produces; each produced format must suit the element's own output pad and the input pad it is linked to.
 */
final class Negotiation {
    private Negotiation() {}

    /**
     * Negotiates every element of {@code order}, setting its input and output formats.
     *
     * @throws PipelineException naming the elements, pads and formats that do not agree
     */
    static void run(GraphSpec graph, List<Draft> order, List<Wiring.Wire> wires) {
        for (Draft draft : order) {
            Format[] inputs = new Format[draft.inputs.count()];
            for (Wiring.Wire wire : wires) {
                if (wire.to() == draft) {
                    Draft from = wire.from();
                    inputs[draft.inputs.number(wire.input())] =
                            from.outputFormats.get(from.outputs.number(wire.output()));
                }
            }
            draft.inputFormats = List.of(inputs);
            draft.outputFormats = outputs(graph, draft);
            for (Wiring.Wire wire : wires) {
                if (wire.from() == draft) {
                    check(graph, wire);
                }
            }
        }
    }

    private static List<Format> outputs(GraphSpec graph, Draft draft) {
        int count = draft.outputs.count();
        List<Format> produced;
        try {
            produced = draft.element.negotiate(draft.inputFormats, count);
        } catch (IllegalArgumentException e) {
            throw TextErrors.at(
                    graph.text(),
                    draft.spec.position(),
                    "Element " + draft.label() + " cannot work on "
                            + (draft.inputFormats.isEmpty() ? "its properties" : "input " + draft.inputFormats) + ": "
                            + e.getMessage());
        } catch (RuntimeException e) {
            throw new PipelineException("Element " + draft.label() + " failed to negotiate its formats: " + e, e);
        }
        if (produced == null || produced.size() != count || produced.stream().anyMatch(Objects::isNull)) {
            throw new PipelineException("Element " + draft.label() + " answered " + produced + " for " + count
                    + " output pads: a bug in its plugin " + draft.factory.plugin());
        }
        List<Format> outputs = new ArrayList<>(produced);
        for (int pad = 0; pad < count; pad++) {
            Caps caps = draft.outputs.template(pad).caps();
            if (!caps.accepts(outputs.get(pad))) {
                throw new PipelineException("Element " + draft.label() + " produces " + outputs.get(pad)
                        + " on its output pad " + draft.outputs.template(pad).name() + ", which its own pad"
                        + " template does not allow (" + caps + "): a bug in its plugin " + draft.factory.plugin());
            }
        }
        return List.copyOf(outputs);
    }

    private static void check(GraphSpec graph, Wiring.Wire wire) {
        Draft from = wire.from();
        Draft to = wire.to();
        Format format = from.outputFormats.get(from.outputs.number(wire.output()));
        Caps accepted = to.inputs.template(to.inputs.number(wire.input())).caps();
        if (!accepted.accepts(format)) {
            throw TextErrors.at(
                    graph.text(),
                    wire.spec().position(),
                    "Cannot link " + from.name() + "."
                            + wire.output().name() + " to " + to.name() + "."
                            + wire.input().name() + ": " + from.name()
                            + " produces " + format + "; " + to.name() + " accepts " + accepted);
        }
    }
}

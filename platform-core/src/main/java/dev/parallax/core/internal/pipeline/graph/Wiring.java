package dev.parallax.core.internal.pipeline.graph;

import dev.parallax.api.pipeline.PipelineException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Gives each link its pads, in the order the links were written, and checks that every pad that must be linked
 * is: no pad linked twice, no pad named that does not exist, every always pad linked, request pads numbered from 0.
 */
final class Wiring {
    /** A link with its pads. */
    record Wire(LinkSpec spec, Draft from, PadTable.Pad output, Draft to, PadTable.Pad input) {}

    private Wiring() {}

    /**
     * The links of {@code graph} with their pads.
     *
     * @throws PipelineException naming the element, the pad and what is wrong
     */
    static List<Wire> connect(GraphSpec graph, Map<String, Draft> drafts) {
        List<Wire> wires = new ArrayList<>();
        for (LinkSpec link : graph.links()) {
            Draft from = drafts.get(link.from());
            Draft to = drafts.get(link.to());
            PadTable.Pad output = pad(graph, link, from, from.outputs, link.fromPad(), "output", to);
            PadTable.Pad input = pad(graph, link, to, to.inputs, link.toPad(), "input", from);
            from.outputs.claim(output, to.name());
            to.inputs.claim(input, from.name());
            wires.add(new Wire(link, from, output, to, input));
        }
        for (Draft draft : drafts.values()) {
            for (PadTable table : List.of(draft.inputs, draft.outputs)) {
                String problem = table.incomplete(table == draft.inputs ? "input" : "output");
                if (problem != null) {
                    throw TextErrors.at(
                            graph.text(), draft.spec.position(), "Element " + draft.label() + ": " + problem);
                }
            }
        }
        return wires;
    }

    private static PadTable.Pad pad(
            GraphSpec graph, LinkSpec link, Draft draft, PadTable table, String name, String direction, Draft peer) {
        String what = "output".equals(direction) ? "the link to " + peer.name() : "the link from " + peer.name();
        if (name == null) {
            PadTable.Pad next = table.next();
            if (next == null) {
                throw TextErrors.at(
                        graph.text(),
                        link.position(),
                        "Element " + draft.label() + " has no free "
                                + direction + " pad for " + what + ": "
                                + ("none".equals(table.describe())
                                        ? "it has no " + direction + " pads"
                                        : "its " + direction + " pads (" + table.describe() + ") are all linked"));
            }
            return next;
        }
        PadTable.Pad pad = table.named(name);
        if (pad == null) {
            throw TextErrors.at(
                    graph.text(),
                    link.position(),
                    "Element " + draft.label() + " has no " + direction + " pad '" + name + "' for " + what + "; its "
                            + direction + " pads: " + table.describe());
        }
        String linked = table.peer(pad);
        if (linked != null) {
            throw TextErrors.at(
                    graph.text(),
                    link.position(),
                    "Pad " + draft.name() + "." + name + " is linked twice: to " + linked + " and to " + peer.name()
                            + "; link each pad once");
        }
        return pad;
    }
}

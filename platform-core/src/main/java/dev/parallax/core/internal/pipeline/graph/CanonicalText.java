package dev.parallax.core.internal.pipeline.graph;

import dev.parallax.api.pipeline.PadTemplate;
import dev.parallax.core.internal.pipeline.PlanLink;
import dev.parallax.core.internal.pipeline.PlanNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a checked pipeline in the text form, every element named and every property given, so that parsing the
 * text builds the same pipeline. Runtime settings are written when they differ from the defaults.
 *
 * <p>Elements are written in the plan's topological order, as chains where a link can be written as {@code a ! b};
 * the others as references, with a pad name wherever the pad a link without one would take (replayed here with the
 * same {@link PadTable}s the planner uses) is not the linked one.
 */
final class CanonicalText {
    private final List<PlanNode> nodes;
    private final List<PlanLink> links;
    private final PadTable[] inputs;
    private final PadTable[] outputs;
    private final boolean[] written;
    private final boolean[] done;
    private final List<String> chains = new ArrayList<>();

    private CanonicalText(List<PlanNode> nodes, List<PlanLink> links) {
        this.nodes = nodes;
        this.links = links;
        this.inputs = new PadTable[nodes.size()];
        this.outputs = new PadTable[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            inputs[i] = new PadTable(nodes.get(i).description(), PadTemplate.Direction.INPUT);
            outputs[i] = new PadTable(nodes.get(i).description(), PadTemplate.Direction.OUTPUT);
        }
        this.written = new boolean[nodes.size()];
        this.done = new boolean[links.size()];
    }

    /** The text of the pipeline whose nodes (in topological order) and links are given. */
    static String write(List<PlanNode> nodes, List<PlanLink> links) {
        return new CanonicalText(nodes, links).text();
    }

    private String text() {
        for (int node = 0; node < nodes.size(); node++) {
            if (!written[node]) {
                chains.add(chain(node));
            }
        }
        for (int i = 0; i < links.size(); i++) {
            if (!done[i]) {
                PlanLink link = links.get(i);
                String from = reference(link.from(), outputs[link.from()], link.outputPad());
                String to = reference(link.to(), inputs[link.to()], link.inputPad());
                claim(i);
                chains.add(from + " ! " + to);
            }
        }
        return String.join("  ", chains);
    }

    private String chain(int node) {
        StringBuilder chain = new StringBuilder();
        int into = implicitLink(node, inputs[node], true);
        if (into >= 0) {
            PlanLink link = links.get(into);
            chain.append(reference(link.from(), outputs[link.from()], link.outputPad()))
                    .append(" ! ");
            claim(into);
        }
        chain.append(element(node));
        for (int at = node; ; ) {
            int next = implicitLink(at, outputs[at], false);
            if (next < 0) {
                return chain.toString();
            }
            at = links.get(next).to();
            claim(next);
            chain.append(" ! ").append(element(at));
        }
    }

    /**
     * The link a bare {@code !} at {@code node} would stand for: the one on the pad taken next; going downstream,
     * only to the next element in order and on the pad it takes next. Elements are written in the plan's order, so
     * that parsing the text orders them the same way; or -1.
     */
    private int implicitLink(int node, PadTable table, boolean input) {
        PadTable.Pad next = table.next();
        for (int i = 0; next != null && i < links.size(); i++) {
            PlanLink link = links.get(i);
            if (done[i] || (input ? link.to() : link.from()) != node) {
                continue;
            }
            if (input) {
                if (link.inputPad().equals(next.name())) {
                    return i;
                }
            } else if (link.outputPad().equals(next.name()) && link.to() == node + 1) {
                PadTable.Pad theirs = inputs[link.to()].next();
                return theirs != null && theirs.name().equals(link.inputPad()) ? i : -1;
            }
        }
        return -1;
    }

    private String reference(int node, PadTable table, String pad) {
        PadTable.Pad next = table.next();
        return nodes.get(node).name() + "." + (next != null && next.name().equals(pad) ? "" : pad);
    }

    private void claim(int index) {
        PlanLink link = links.get(index);
        outputs[link.from()].claim(
                outputs[link.from()].named(link.outputPad()),
                nodes.get(link.to()).name());
        inputs[link.to()].claim(
                inputs[link.to()].named(link.inputPad()), nodes.get(link.from()).name());
        done[index] = true;
    }

    private String element(int index) {
        written[index] = true;
        PlanNode node = nodes.get(index);
        StringBuilder text =
                new StringBuilder(node.description().name()).append(" name=").append(node.name());
        node.properties().asMap().forEach((key, value) -> property(text, key, PropertyReader.text(value)));
        PropertyReader.settingsText(node.settings()).forEach((key, value) -> property(text, key, value));
        return text.toString();
    }

    private static void property(StringBuilder text, String key, String value) {
        text.append(' ').append(key).append('=').append(quoted(value));
    }

    /** {@code value} as the lexer reads it back: quoted when empty or holding whitespace, '!' or quotes. */
    static String quoted(String value) {
        boolean plain = !value.isEmpty();
        for (int i = 0; plain && i < value.length(); i++) {
            char c = value.charAt(i);
            plain = !Character.isWhitespace(c) && c != '!' && c != '"' && c != '\'';
        }
        if (plain) {
            return value;
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            quoted.append(c == '"' || c == '\\' ? "\\" : "").append(c);
        }
        return quoted.append('"').toString();
    }
}

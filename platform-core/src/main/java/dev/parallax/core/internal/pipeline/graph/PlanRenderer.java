package dev.parallax.core.internal.pipeline.graph;

import dev.parallax.api.pipeline.PipelineState;
import dev.parallax.core.internal.pipeline.Plan;
import dev.parallax.core.internal.pipeline.PlanLink;
import dev.parallax.core.internal.pipeline.PlanNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A plan drawn as Graphviz DOT or written as JSON: elements with their pads, and each link with its pads and the
 * format negotiated on it.
 */
public final class PlanRenderer {
    private PlanRenderer() {}

    /**
     * The plan in DOT: one record node per element (input pads, name and factory, output pads), one edge per link
     * from pad to pad labelled with its format.
     */
    public static String dot(Plan plan, PipelineState state) {
        StringBuilder dot = new StringBuilder("digraph ")
                .append(dotString(plan.name()))
                .append(" {\n")
                .append("  label=")
                .append(dotString(plan.name() + " (" + state + ")"))
                .append(";\n  rankdir=LR;\n  node [shape=record, fontname=\"monospace\"];\n");
        String[][] inputs = padNames(plan, true);
        String[][] outputs = padNames(plan, false);
        for (int i = 0; i < plan.nodes().size(); i++) {
            PlanNode node = plan.nodes().get(i);
            StringBuilder label = new StringBuilder("{");
            ports(label, "i", inputs[i]);
            label.append(record(node.name()))
                    .append("\\n")
                    .append(record(node.description().name() + " "
                            + node.factory().plugin().version()));
            ports(label, "o", outputs[i]);
            dot.append("  n")
                    .append(i)
                    .append(" [label=")
                    .append(dotString(label.append('}').toString()));
            dot.append("];\n");
        }
        for (PlanLink link : plan.links()) {
            dot.append("  n").append(link.from()).append(":o").append(link.output());
            dot.append(" -> n").append(link.to()).append(":i").append(link.input());
            dot.append(" [label=").append(dotString(link.format().toString())).append("];\n");
        }
        return dot.append("}\n").toString();
    }

    /**
     * The plan as JSON: {@code name}, {@code state}, {@code description}, {@code elements} (name, factory,
     * version, category, properties, settings, input and output pads with formats) and {@code links}.
     */
    public static String json(Plan plan, PipelineState state) {
        StringBuilder json = new StringBuilder("{\"name\":")
                .append(JsonText.string(plan.name()))
                .append(",\"state\":")
                .append(JsonText.string(state.name()))
                .append(",\"description\":")
                .append(JsonText.string(plan.description()))
                .append(",\"elements\":[");
        String[][] inputs = padNames(plan, true);
        String[][] outputs = padNames(plan, false);
        for (int i = 0; i < plan.nodes().size(); i++) {
            PlanNode node = plan.nodes().get(i);
            json.append(i == 0 ? "" : ",")
                    .append("{\"name\":")
                    .append(JsonText.string(node.name()))
                    .append(",\"factory\":")
                    .append(JsonText.string(node.description().name()))
                    .append(",\"version\":")
                    .append(JsonText.string(node.factory().plugin().version().toString()))
                    .append(",\"category\":")
                    .append(JsonText.string(node.description().category()))
                    .append(",\"properties\":");
            object(json, node.properties().asMap());
            json.append(",\"settings\":{\"on-error\":")
                    .append(JsonText.string(node.settings().onError().name().toLowerCase(Locale.ROOT)))
                    .append(",\"restart-backoff\":")
                    .append(JsonText.string(Durations.format(node.settings().restartBackoff())))
                    .append(",\"deadline\":")
                    .append(JsonText.string(Durations.format(node.settings().deadline())))
                    .append("},\"inputs\":");
            pads(json, inputs[i], node.inputs());
            json.append(",\"outputs\":");
            pads(json, outputs[i], node.outputs());
            json.append('}');
        }
        json.append("],\"links\":[");
        for (int i = 0; i < plan.links().size(); i++) {
            PlanLink link = plan.links().get(i);
            json.append(i == 0 ? "" : ",")
                    .append("{\"from\":")
                    .append(JsonText.string(plan.nodes().get(link.from()).name()))
                    .append(",\"output\":")
                    .append(JsonText.string(link.outputPad()))
                    .append(",\"to\":")
                    .append(JsonText.string(plan.nodes().get(link.to()).name()))
                    .append(",\"input\":")
                    .append(JsonText.string(link.inputPad()))
                    .append(",\"format\":")
                    .append(JsonText.string(link.format().toString()))
                    .append('}');
        }
        return json.append("]}").toString();
    }

    private static void object(StringBuilder json, Map<String, Object> values) {
        json.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            json.append(first ? "" : ",")
                    .append(JsonText.string(entry.getKey()))
                    .append(':');
            json.append(JsonText.value(entry.getValue()));
            first = false;
        }
        json.append('}');
    }

    private static void pads(StringBuilder json, String[] names, List<?> formats) {
        json.append('[');
        for (int pad = 0; pad < names.length; pad++) {
            json.append(pad == 0 ? "" : ",")
                    .append("{\"pad\":")
                    .append(JsonText.string(names[pad]))
                    .append(",\"format\":")
                    .append(JsonText.string(formats.get(pad).toString()))
                    .append('}');
        }
        json.append(']');
    }

    /** Each node's pad names by number, from the links (every pad of a plan is linked once). */
    private static String[][] padNames(Plan plan, boolean input) {
        String[][] names = new String[plan.nodes().size()][];
        for (int i = 0; i < names.length; i++) {
            PlanNode node = plan.nodes().get(i);
            names[i] = new String[input ? node.inputs().size() : node.outputs().size()];
        }
        for (PlanLink link : plan.links()) {
            if (input) {
                names[link.to()][link.input()] = link.inputPad();
            } else {
                names[link.from()][link.output()] = link.outputPad();
            }
        }
        return names;
    }

    private static void ports(StringBuilder label, String side, String[] pads) {
        if (pads.length == 0) {
            return;
        }
        if (side.equals("o")) {
            label.append('|');
        }
        label.append('{');
        for (int pad = 0; pad < pads.length; pad++) {
            label.append(pad == 0 ? "" : "|")
                    .append('<')
                    .append(side)
                    .append(pad)
                    .append("> ");
            label.append(record(pads[pad]));
        }
        label.append('}');
        if (side.equals("i")) {
            label.append('|');
        }
    }

    /** Text inside a record label: its field syntax and backslashes escaped (quotes are {@link #dotString}'s). */
    private static String record(String text) {
        StringBuilder escaped = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("{}|<>\\".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /** A DOT quoted string; the text must already be escaped for labels where it is one. */
    private static String dotString(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted.append('\\');
            }
            quoted.append(c == '\n' ? ' ' : c);
        }
        return quoted.append('"').toString();
    }
}

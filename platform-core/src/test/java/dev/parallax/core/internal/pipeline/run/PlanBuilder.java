package dev.parallax.core.internal.pipeline.run;

import dev.parallax.api.buffer.Format;
import dev.parallax.api.pipeline.Element;
import dev.parallax.api.pipeline.PropertyValues;
import dev.parallax.core.internal.pipeline.NodeSettings;
import dev.parallax.core.internal.pipeline.Plan;
import dev.parallax.core.internal.pipeline.PlanLink;
import dev.parallax.core.internal.pipeline.PlanNode;
import dev.parallax.core.internal.pipeline.ResolvedFactory;
import java.util.ArrayList;
import java.util.List;

/** Builds plans by hand, as the graph builder would: elements made by their factory and negotiated in order. */
final class PlanBuilder {
    private record Entry(String name, ResolvedFactory factory, PropertyValues properties, NodeSettings settings) {}

    private record Link(int from, int output, int to, int input) {}

    private final String name;
    private final List<Entry> entries = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final List<Integer> outputs = new ArrayList<>();
    private final List<Integer> inputs = new ArrayList<>();

    PlanBuilder(String name) {
        this.name = name;
    }

    /** Adds an element with default settings; returns its index. */
    int add(String name, ResolvedFactory factory) {
        return add(name, factory, TestProperties.NONE, NodeSettings.DEFAULT);
    }

    /** Adds an element; returns its index (add them in a topological order). */
    int add(String name, ResolvedFactory factory, PropertyValues properties, NodeSettings settings) {
        entries.add(new Entry(name, factory, properties, settings));
        outputs.add(0);
        inputs.add(0);
        return entries.size() - 1;
    }

    /** Links the next free output pad of {@code from} to the next free input pad of {@code to}. */
    PlanBuilder link(int from, int to) {
        links.add(new Link(from, outputs.get(from), to, inputs.get(to)));
        outputs.set(from, outputs.get(from) + 1);
        inputs.set(to, inputs.get(to) + 1);
        return this;
    }

    /** Links a chain of elements in order. */
    PlanBuilder chain(int... nodes) {
        for (int i = 1; i < nodes.length; i++) {
            link(nodes[i - 1], nodes[i]);
        }
        return this;
    }

    /** Makes and negotiates every element, as the graph builder does. */
    Plan build() {
        List<PlanNode> nodes = new ArrayList<>();
        Format[][] produced = new Format[entries.size()][];
        List<PlanLink> planLinks = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            Format[] in = new Format[inputs.get(i)];
            for (Link link : links) {
                if (link.to == i) {
                    in[link.input] = produced[link.from][link.output];
                }
            }
            Element element = entry.factory.factory().create(entry.properties);
            List<Format> out = element.negotiate(List.of(in), outputs.get(i));
            produced[i] = out.toArray(Format[]::new);
            nodes.add(new PlanNode(
                    entry.name, entry.factory, entry.properties, entry.settings, element, List.of(in), out));
        }
        for (Link link : links) {
            planLinks.add(new PlanLink(
                    link.from,
                    link.output,
                    outputs.get(link.from) > 1 ? "src_" + link.output : "src",
                    link.to,
                    link.input,
                    inputs.get(link.to) > 1 ? "sink_" + link.input : "sink",
                    produced[link.from][link.output]));
        }
        return new Plan(name, name + " (built by hand)", nodes, planLinks);
    }
}

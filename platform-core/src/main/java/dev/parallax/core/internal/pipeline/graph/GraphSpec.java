package dev.parallax.core.internal.pipeline.graph;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A pipeline as written, before anything is resolved: what the parser and the builder make and the {@link Planner}
 * checks. Elements are in the order written; links in the order written decide which pad a link without a pad name
 * takes (the next free one) and how request pads are numbered.
 *
 * @param text the pipeline text it was parsed from, for error messages, or {@code null} when built in Java
 * @param elements the elements, each name once
 * @param links the links, each end naming an element of {@code elements}
 */
public record GraphSpec(String text, List<ElementSpec> elements, List<LinkSpec> links) {
    /**
     * Freezes the lists and checks that names are unique and that links name elements.
     *
     * @throws IllegalArgumentException naming the duplicate or unknown name
     */
    public GraphSpec {
        elements = List.copyOf(elements);
        links = List.copyOf(links);
        Set<String> names = new HashSet<>();
        for (ElementSpec element : elements) {
            if (!names.add(element.name())) {
                throw new IllegalArgumentException("Two elements are named '" + element.name() + "'");
            }
        }
        for (LinkSpec link : links) {
            for (String end : List.of(link.from(), link.to())) {
                if (!names.contains(end)) {
                    throw new IllegalArgumentException("Link " + link + " names no element '" + end + "'");
                }
            }
        }
    }

    /** This graph without its text and positions: what the parser and the builder must agree on. */
    public GraphSpec withoutSource() {
        return new GraphSpec(
                null,
                elements.stream().map(ElementSpec::withoutPosition).toList(),
                links.stream().map(LinkSpec::withoutPosition).toList());
    }

    /** The element called {@code name}, or {@code null}. */
    public ElementSpec element(String name) {
        for (ElementSpec element : elements) {
            if (element.name().equals(name)) {
                return element;
            }
        }
        return null;
    }
}

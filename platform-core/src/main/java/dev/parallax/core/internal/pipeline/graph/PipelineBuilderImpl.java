package dev.parallax.core.internal.pipeline.graph;

import dev.parallax.api.pipeline.ElementDescription;
import dev.parallax.api.pipeline.Pipeline;
import dev.parallax.api.pipeline.PipelineBuilder;
import dev.parallax.api.pipeline.PipelineException;
import dev.parallax.core.internal.pipeline.ElementCatalog;
import dev.parallax.core.internal.pipeline.ResolvedFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Java builder: makes the same {@link GraphSpec} as the text form would, naming elements the same way, and
 * checks each element and property as it is added or set. Values are kept as the text form writes them.
 *
 * <p>Each factory is looked up once per builder, for its description, and released at once; the {@link Planner}
 * acquires it again when the pipeline is built.
 */
public final class PipelineBuilderImpl implements PipelineBuilder {
    private final ElementCatalog catalog;
    private final PipelineAssembler assembler;
    private final Names names = new Names();
    private final Map<String, ElementDescription> descriptions = new HashMap<>();
    private final List<NodeImpl> nodes = new ArrayList<>();
    private final List<LinkSpec> links = new ArrayList<>();
    private String name;

    /** A builder whose elements come from {@code catalog} and whose graph {@code assembler} makes a pipeline of. */
    public PipelineBuilderImpl(ElementCatalog catalog, PipelineAssembler assembler) {
        this.catalog = catalog;
        this.assembler = assembler;
    }

    @Override
    public PipelineBuilder name(String name) {
        if (name == null || name.isBlank()) {
            throw new PipelineException("A pipeline name must not be blank");
        }
        this.name = name;
        return this;
    }

    @Override
    public Node add(String element) {
        ElementDescription description = describe(element);
        return add(description, names.next(element));
    }

    @Override
    public Node add(String element, String name) {
        ElementDescription description = describe(element);
        names.next(element);
        return add(description, name);
    }

    private Node add(ElementDescription description, String name) {
        checkName(name);
        NodeImpl node = new NodeImpl(description, name);
        nodes.add(node);
        return node;
    }

    @Override
    public Pipeline build() {
        return assembler.assemble(Optional.ofNullable(name), graph());
    }

    /** The graph built so far. */
    public GraphSpec graph() {
        List<ElementSpec> elements = new ArrayList<>();
        for (NodeImpl node : nodes) {
            elements.add(new ElementSpec(node.description.name(), node.name, node.properties, -1));
        }
        return new GraphSpec(null, elements, links);
    }

    private ElementDescription describe(String element) {
        ElementDescription description = descriptions.get(element);
        if (description == null) {
            try (ResolvedFactory factory = catalog.resolve(element).orElse(null)) {
                if (factory == null) {
                    List<String> close = Suggestions.closeTo(
                            element,
                            catalog.elements().stream()
                                    .map(ElementDescription::name)
                                    .toList());
                    throw new PipelineException("No element '" + element + "'"
                            + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?")
                            + " (./parallax inspect lists them all)");
                }
                description = factory.description();
            }
            descriptions.put(element, description);
        }
        return description;
    }

    private void checkName(String name) {
        if (!Names.isValid(name)) {
            throw new PipelineException(
                    "Element name '" + name + "' is invalid: use " + Names.RULE + ", so that references can name it");
        }
        for (NodeImpl node : nodes) {
            if (node.name.equals(name)) {
                throw new PipelineException("Element name '" + name + "' is taken by the " + node.description.name()
                        + " added before (automatic names are the element name and a count)");
            }
        }
    }

    private final class NodeImpl implements Node {
        final ElementDescription description;
        final Map<String, String> properties = new LinkedHashMap<>();
        String name;

        NodeImpl(ElementDescription description, String name) {
            this.description = description;
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Node set(String property, Object value) {
            if (value == null) {
                throw new PipelineException("Element '" + name + "' property '" + property + "' cannot be null");
            }
            if (property.equals("name")) {
                if (!value.equals(name)) {
                    checkName(String.valueOf(value));
                    for (int i = 0; i < links.size(); i++) {
                        links.set(i, renamed(links.get(i), name, String.valueOf(value)));
                    }
                    name = String.valueOf(value);
                }
                return this;
            }
            try {
                properties.put(property, PropertyReader.text(description, property, value));
            } catch (IllegalArgumentException e) {
                throw new PipelineException("Element '" + name + "' (" + description.name() + "): " + e.getMessage());
            }
            return this;
        }

        @Override
        public Node link(Node downstream) {
            links.add(new LinkSpec(name, null, own(downstream).name, null, -1));
            return downstream;
        }

        @Override
        public Node link(String outputPad, Node downstream, String inputPad) {
            links.add(new LinkSpec(name, outputPad, own(downstream).name, inputPad, -1));
            return downstream;
        }

        private NodeImpl own(Node node) {
            if (node instanceof NodeImpl impl && nodes.contains(impl)) {
                return impl;
            }
            throw new PipelineException("Element '" + node.name() + "' was added to another builder");
        }
    }

    private static LinkSpec renamed(LinkSpec link, String from, String to) {
        return new LinkSpec(
                link.from().equals(from) ? to : link.from(),
                link.fromPad(),
                link.to().equals(from) ? to : link.to(),
                link.toPad(),
                link.position());
    }
}

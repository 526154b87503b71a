package dev.parallax.core.internal.pipeline.graph;

import dev.parallax.api.pipeline.PipelineException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses the text form of a pipeline, as {@code gst-launch} writes it, into a {@link GraphSpec}.
 *
 * <pre>{@code
 * testsrc num-buffers=10 size=4096 ! identity name=id ! fakesink
 * testsrc ! tee name=t  t. ! queue ! fakesink  t.src_1 ! filesink location="a b.bin"
 * }</pre>
 *
 * <p>The rules, GStreamer's: an element is its factory name followed by its {@code key=value} properties ({@code
 * name=} names it); {@code !} links the element or reference before it to the one after it; a reference {@code
 * name.} or {@code name.pad} stands for the element so named, anywhere in the text; an element or reference that
 * does not follow a {@code !} starts a new chain. A pad name is allowed on a reference at a chain's start or end,
 * where it says which pad the one link takes.
 *
 * <p>Only the syntax and the names are checked here; elements, properties, pads and values are the {@link
 * Planner}'s.
 */
public final class PipelineParser {
    private static final Pattern FACTORY = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern PAD = Pattern.compile("[a-z][a-z0-9_]*");

    /** An element or a reference in a chain. */
    private sealed interface Item {}

    private static final class ElementItem implements Item {
        final String factory;
        final int position;
        final Map<String, String> properties = new LinkedHashMap<>();
        String name;
        int namePosition = -1;

        ElementItem(String factory, int position) {
            this.factory = factory;
            this.position = position;
        }
    }

    private static final class ReferenceItem implements Item {
        final String name;
        final String pad;
        final int position;
        boolean target;
        boolean source;

        ReferenceItem(String name, String pad, int position) {
            this.name = name;
            this.pad = pad;
            this.position = position;
        }
    }

    private record Link(Item from, Item to, int position) {}

    private final String text;
    private final List<ElementItem> elements = new ArrayList<>();
    private final List<ReferenceItem> references = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();

    private PipelineParser(String text) {
        this.text = text;
    }

    /**
     * Parses {@code text}.
     *
     * @throws PipelineException for a syntax error, a name given twice or a reference to no element, with the
     *     position and the text with a caret under it
     */
    public static GraphSpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new PipelineException(
                    "The pipeline is empty: write elements linked by '!' (testsrc ! fakesink)", 0, null);
        }
        return new PipelineParser(text).graph();
    }

    private GraphSpec graph() {
        Item previous = null;
        int link = -1;
        for (Lexer.Token token : Lexer.tokens(text)) {
            switch (token.kind()) {
                case LINK -> {
                    if (previous == null) {
                        throw TextErrors.syntax(text, token.position(), "'!' links two elements: none comes before it");
                    }
                    if (link >= 0) {
                        throw TextErrors.syntax(
                                text, token.position(), "two '!' in a row: an element is missing between them");
                    }
                    link = token.position();
                }
                case WORD -> {
                    Item item = item(token);
                    if (link >= 0) {
                        links.add(new Link(previous, item, link));
                        link = -1;
                    }
                    previous = item;
                }
                case PROPERTY -> property(token, link >= 0 ? null : previous);
            }
        }
        if (link >= 0) {
            throw TextErrors.syntax(text, link, "'!' links two elements: none comes after it");
        }
        return spec();
    }

    private Item item(Lexer.Token token) {
        String word = token.text();
        int dot = word.indexOf('.');
        if (dot < 0) {
            if (!FACTORY.matcher(word).matches()) {
                throw TextErrors.syntax(
                        text,
                        token.position(),
                        "'" + word + "' is not an element name: element"
                                + " names are lowercase letters, digits and hyphens (./parallax inspect lists them)");
            }
            ElementItem element = new ElementItem(word, token.position());
            elements.add(element);
            return element;
        }
        String name = word.substring(0, dot);
        String pad = word.substring(dot + 1);
        if (!Names.isValid(name)) {
            throw TextErrors.syntax(
                    text,
                    token.position(),
                    "reference '" + word + "' must start with an element" + " name (" + Names.RULE
                            + ") followed by '.' and optionally a pad (t. or t.src_1)");
        }
        if (!pad.isEmpty() && !PAD.matcher(pad).matches()) {
            throw TextErrors.syntax(
                    text,
                    token.position() + dot + 1,
                    "'" + pad + "' in reference '" + word
                            + "' is not a pad name: lowercase letters, digits and '_' (src, sink, src_1)");
        }
        ReferenceItem reference = new ReferenceItem(name, pad.isEmpty() ? null : pad, token.position());
        references.add(reference);
        return reference;
    }

    private void property(Lexer.Token token, Item owner) {
        String key = token.text();
        if (owner == null) {
            throw TextErrors.syntax(
                    text,
                    token.position(),
                    "property '" + key + "' belongs to no element: properties"
                            + " follow their element's name, before any '!' (testsrc size=8 ! fakesink)");
        }
        if (owner instanceof ReferenceItem reference) {
            throw TextErrors.syntax(
                    text,
                    token.position(),
                    "a reference takes no properties: set '" + key + "' where the element named '" + reference.name
                            + "' is written");
        }
        ElementItem element = (ElementItem) owner;
        if (key.equals("name")) {
            if (element.name != null) {
                throw TextErrors.syntax(text, token.position(), "the " + element.factory + " is named twice");
            }
            if (!Names.isValid(token.value())) {
                throw TextErrors.syntax(
                        text,
                        token.valuePosition(),
                        "element name '" + token.value() + "' is invalid: use " + Names.RULE
                                + ", so that references (name.) can name it");
            }
            element.name = token.value();
            element.namePosition = token.valuePosition();
        } else if (element.properties.putIfAbsent(key, token.value()) != null) {
            throw TextErrors.syntax(
                    text, token.position(), "property '" + key + "' is given twice to the " + element.factory);
        }
    }

    private GraphSpec spec() {
        Names names = new Names();
        Map<String, ElementItem> byName = new HashMap<>();
        List<ElementSpec> specs = new ArrayList<>();
        for (ElementItem element : elements) {
            String automatic = names.next(element.factory);
            boolean given = element.name != null;
            element.name = given ? element.name : automatic;
            ElementItem first = byName.putIfAbsent(element.name, element);
            if (first != null) {
                throw TextErrors.at(
                        text,
                        given ? element.namePosition : element.position,
                        "Two elements are named '" + element.name + "': the " + first.factory + " at "
                                + first.position + " and this " + element.factory
                                + (given ? "" : ", named automatically (element name and a count)"));
            }
            specs.add(new ElementSpec(element.factory, element.name, element.properties, element.position));
        }
        for (ReferenceItem reference : references) {
            if (!byName.containsKey(reference.name)) {
                throw TextErrors.at(
                        text,
                        reference.position,
                        "No element is named '" + reference.name
                                + "' for the reference '" + reference.name + ".': names are "
                                + String.join(", ", names(specs))
                                + " (name one with name=" + reference.name + ")");
            }
        }
        List<LinkSpec> linkSpecs = new ArrayList<>();
        for (Link link : links) {
            linkSpecs.add(new LinkSpec(
                    end(link.from(), false), pad(link.from()), end(link.to(), true), pad(link.to()), link.position()));
        }
        for (ReferenceItem reference : references) {
            if (reference.pad != null && reference.source && reference.target) {
                throw TextErrors.syntax(
                        text,
                        reference.position,
                        "reference '" + reference.name + "."
                                + reference.pad
                                + "' is in the middle of a chain: a pad name is only allowed on a reference"
                                + " at a chain's start or end, where it names the pad of its one link");
            }
        }
        return new GraphSpec(text, specs, linkSpecs);
    }

    private static List<String> names(List<ElementSpec> specs) {
        return specs.stream().map(ElementSpec::name).toList();
    }

    private static String end(Item item, boolean target) {
        if (item instanceof ReferenceItem reference) {
            if (target) {
                reference.target = true;
            } else {
                reference.source = true;
            }
            return reference.name;
        }
        return ((ElementItem) item).name;
    }

    private static String pad(Item item) {
        return item instanceof ReferenceItem reference ? reference.pad : null;
    }
}

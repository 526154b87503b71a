package dev.parallax.api.pipeline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an element is: its name, what it does, its pads and its properties, described once. The runtime reads it to
 * parse and check pipelines, {@code inspect} prints it, and the catalog in {@code docs/} is generated from it.
 *
 * <pre>{@code
 * ElementDescription.of("threshold", "Filter/Image", "Adaptive thresholding of gray8 images")
 *         .withPad(PadTemplate.input("sink", Caps.parse("gray8")))
 *         .withPad(PadTemplate.output("src", Caps.parse("gray8")))
 *         .withProperty(PropertySpec.integer("tile-size", 4, 2, 64, "Tile edge in pixels"))
 *         .withExample("imagesrc location=in.png ! threshold ! pngsink location=out.png");
 * }</pre>
 *
 * @param name the element's name: lowercase letters, digits and hyphens, starting with a letter
 * @param category what kind of element it is, slash-separated like GStreamer's klass ({@code Source/Test},
 *     {@code Filter/Image}, {@code Sink/File})
 * @param summary one sentence saying what it does
 * @param pads its pad templates, inputs and outputs, each name once
 * @param properties its properties, each name once
 * @param example a pipeline using it that runs as written, or the empty string
 * @param swappable whether a running instance may be replaced between two buffers by one of a newer version of
 *     the element; an element that holds data across buffers says {@code false} and is drained and restarted
 *     instead
 */
public record ElementDescription(
        String name,
        String category,
        String summary,
        List<PadTemplate> pads,
        List<PropertySpec> properties,
        String example,
        boolean swappable) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /** The names the runtime gives every element, which an element cannot declare as its own properties. */
    public static final List<String> RESERVED_PROPERTIES = List.of("name", "on-error", "restart-backoff", "deadline");

    /**
     * Checks every field and freezes the lists.
     *
     * @throws IllegalArgumentException naming the element, the bad value and the rule
     */
    public ElementDescription {
        Objects.requireNonNull(name, "Element name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Element name '" + name
                    + "' is invalid: use lowercase letters, digits and hyphens, starting with a letter");
        }
        Objects.requireNonNull(category, () -> "Element '" + name + "' category");
        Objects.requireNonNull(summary, () -> "Element '" + name + "' summary");
        pads = List.copyOf(pads);
        properties = List.copyOf(properties);
        example = example == null ? "" : example;
        HashSet<String> seen = new HashSet<>();
        for (PadTemplate pad : pads) {
            if (!seen.add(pad.name())) {
                throw new IllegalArgumentException("Element '" + name + "' declares pad '" + pad.name() + "' twice");
            }
        }
        seen.clear();
        for (PropertySpec property : properties) {
            if (RESERVED_PROPERTIES.contains(property.name())) {
                throw new IllegalArgumentException("Element '" + name + "' declares property '" + property.name()
                        + "', which the runtime reserves for every element: " + RESERVED_PROPERTIES);
            }
            if (!seen.add(property.name())) {
                throw new IllegalArgumentException(
                        "Element '" + name + "' declares property '" + property.name() + "' twice");
            }
        }
    }

    /** A description with no pads, no properties and no example, swappable. */
    public static ElementDescription of(String name, String category, String summary) {
        return new ElementDescription(name, category, summary, List.of(), List.of(), "", true);
    }

    /** This description with one more pad template. */
    public ElementDescription withPad(PadTemplate pad) {
        List<PadTemplate> more = new ArrayList<>(pads);
        more.add(pad);
        return new ElementDescription(name, category, summary, more, properties, example, swappable);
    }

    /** This description with one more property. */
    public ElementDescription withProperty(PropertySpec property) {
        List<PropertySpec> more = new ArrayList<>(properties);
        more.add(property);
        return new ElementDescription(name, category, summary, pads, more, example, swappable);
    }

    /** This description with an example pipeline that runs as written. */
    public ElementDescription withExample(String example) {
        return new ElementDescription(name, category, summary, pads, properties, example, swappable);
    }

    /** This description saying whether running instances may be swapped between two buffers. */
    public ElementDescription withSwappable(boolean swappable) {
        return new ElementDescription(name, category, summary, pads, properties, example, swappable);
    }

    /** The pad templates of one direction, in order. */
    public List<PadTemplate> pads(PadTemplate.Direction direction) {
        return pads.stream().filter(pad -> pad.direction() == direction).toList();
    }

    /** The property called {@code name}, if declared. */
    public Optional<PropertySpec> property(String name) {
        return properties.stream()
                .filter(property -> property.name().equals(name))
                .findFirst();
    }
}

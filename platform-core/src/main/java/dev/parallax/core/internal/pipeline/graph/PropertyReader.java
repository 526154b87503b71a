package dev.parallax.core.internal.pipeline.graph;

import dev.parallax.api.pipeline.ElementDescription;
import dev.parallax.api.pipeline.ErrorPolicy;
import dev.parallax.api.pipeline.PipelineException;
import dev.parallax.api.pipeline.PropertySpec;
import dev.parallax.core.internal.pipeline.NodeSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an element's property values, written as text, into checked values and the runtime's settings; and turns
 * values given in Java into that text, so that the builder and the parser make the same {@link GraphSpec}.
 */
final class PropertyReader {
    static final String ON_ERROR = "on-error";
    static final String RESTART_BACKOFF = "restart-backoff";
    static final String DEADLINE = "deadline";

    /** One element's properties, read. */
    record Read(PropertyValuesImpl values, NodeSettings settings) {}

    private PropertyReader() {}

    /**
     * Reads the properties of {@code element}.
     *
     * @throws PipelineException naming the element and the property unknown, missing or bad
     */
    static Read read(GraphSpec graph, ElementSpec element, ElementDescription description) {
        Map<String, Object> typed = new LinkedHashMap<>();
        NodeSettings settings = NodeSettings.DEFAULT;
        for (Map.Entry<String, String> entry : element.properties().entrySet()) {
            String key = entry.getKey();
            String text = entry.getValue();
            try {
                switch (key) {
                    case ON_ERROR ->
                        settings = new NodeSettings(errorPolicy(text), settings.restartBackoff(), settings.deadline());
                    case RESTART_BACKOFF ->
                        settings =
                                new NodeSettings(settings.onError(), Durations.parse(key, text), settings.deadline());
                    case DEADLINE ->
                        settings = new NodeSettings(
                                settings.onError(), settings.restartBackoff(), Durations.parse(key, text));
                    default -> {
                        PropertySpec property = description.property(key).orElse(null);
                        if (property == null) {
                            throw TextErrors.at(graph.text(), element.position(), unknownMessage(description, key));
                        }
                        typed.put(key, property.parse(text));
                    }
                }
            } catch (IllegalArgumentException e) {
                throw TextErrors.at(
                        graph.text(),
                        element.position(),
                        "Element '" + element.name() + "' (" + element.factory() + "): " + e.getMessage());
            }
        }
        try {
            return new Read(PropertyValuesImpl.of(element.name(), description, typed), settings);
        } catch (IllegalArgumentException e) {
            throw TextErrors.at(graph.text(), element.position(), e.getMessage());
        }
    }

    /**
     * The text of a value given in Java for property {@code key} of an element: checked as the text would be, so
     * that an error shows when it is set.
     *
     * @throws IllegalArgumentException naming the property, the value and the rule
     * @throws PipelineException if the element has no such property
     */
    static String text(ElementDescription description, String key, Object value) {
        switch (key) {
            case ON_ERROR -> {
                return value instanceof ErrorPolicy policy
                        ? policy.name().toLowerCase(Locale.ROOT)
                        : errorPolicy(String.valueOf(value)).name().toLowerCase(Locale.ROOT);
            }
            case RESTART_BACKOFF, DEADLINE -> {
                return Durations.format(
                        value instanceof Duration duration ? duration : Durations.parse(key, "" + value));
            }
            default -> {
                PropertySpec property = description
                        .property(key)
                        .orElseThrow(() -> new PipelineException(unknownMessage(description, key)));
                return text(value instanceof String string ? property.parse(string) : property.check(value));
            }
        }
    }

    /** A checked value as the text form writes it. */
    static String text(Object value) {
        return String.valueOf(value);
    }

    /** {@code Element 'threshold' has no property 'tile_size'; known: tile-size, ...}. */
    static String unknownMessage(ElementDescription description, String key) {
        StringBuilder known = new StringBuilder();
        for (PropertySpec property : description.properties()) {
            known.append(known.isEmpty() ? "" : ", ").append(property.name());
        }
        return "Element '" + description.name() + "' has no property '" + key + "'; known: "
                + (known.isEmpty() ? "none of its own" : known) + " (and on every element: "
                + String.join(", ", ElementDescription.RESERVED_PROPERTIES) + ")";
    }

    /** The text of the settings that differ from the defaults, as {@code key=value} pairs in reserved order. */
    static Map<String, String> settingsText(NodeSettings settings) {
        Map<String, String> text = new LinkedHashMap<>();
        if (settings.onError() != NodeSettings.DEFAULT.onError()) {
            text.put(ON_ERROR, settings.onError().name().toLowerCase(Locale.ROOT));
        }
        if (!settings.restartBackoff().equals(NodeSettings.DEFAULT.restartBackoff())) {
            text.put(RESTART_BACKOFF, Durations.format(settings.restartBackoff()));
        }
        if (!settings.deadline().equals(NodeSettings.DEFAULT.deadline())) {
            text.put(DEADLINE, Durations.format(settings.deadline()));
        }
        return text;
    }

    private static ErrorPolicy errorPolicy(String text) {
        for (ErrorPolicy policy : ErrorPolicy.values()) {
            if (policy.name().toLowerCase(Locale.ROOT).equals(text)) {
                return policy;
            }
        }
        throw new IllegalArgumentException(
                "Property '" + ON_ERROR + "' value '" + text + "' is not one of fail, drop, restart");
    }
}

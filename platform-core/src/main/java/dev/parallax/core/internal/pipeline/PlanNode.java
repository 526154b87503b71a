package dev.parallax.core.internal.pipeline;

import dev.parallax.api.buffer.Format;
import dev.parallax.api.pipeline.Element;
import dev.parallax.api.pipeline.ElementDescription;
import dev.parallax.api.pipeline.PropertyValues;
import java.util.List;

/**
 * One element of a checked pipeline, negotiated and ready to start.
 *
 * @param name the element's name in the pipeline
 * @param factory where the element came from, kept open while the pipeline lives
 * @param properties its checked properties (defaults filled in)
 * @param settings the runtime's properties of it
 * @param element the instance, already negotiated
 * @param inputs the negotiated format of each input pad, in pad order
 * @param outputs the negotiated format of each output pad, in pad order
 */
public record PlanNode(
        String name,
        ResolvedFactory factory,
        PropertyValues properties,
        NodeSettings settings,
        Element element,
        List<Format> inputs,
        List<Format> outputs) {
    /** The element's description. */
    public ElementDescription description() {
        return factory.description();
    }
}

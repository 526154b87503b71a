package dev.parallax.core.internal.pipeline.graph;

import dev.parallax.api.buffer.Format;
import dev.parallax.api.pipeline.Element;
import dev.parallax.api.pipeline.ElementDescription;
import dev.parallax.api.pipeline.PadTemplate;
import dev.parallax.core.internal.pipeline.NodeSettings;
import dev.parallax.core.internal.pipeline.ResolvedFactory;
import java.util.List;

/** One element while the {@link Planner} works on it: what it read, its pads, then its instance and formats. */
final class Draft {
    final int index;
    final ElementSpec spec;
    final ResolvedFactory factory;
    final PropertyValuesImpl values;
    final NodeSettings settings;
    final PadTable inputs;
    final PadTable outputs;
    Element element;
    List<Format> inputFormats;
    List<Format> outputFormats;

    Draft(int index, ElementSpec spec, ResolvedFactory factory, PropertyReader.Read read) {
        this.index = index;
        this.spec = spec;
        this.factory = factory;
        this.values = read.values();
        this.settings = read.settings();
        ElementDescription description = factory.description();
        this.inputs = new PadTable(description, PadTemplate.Direction.INPUT);
        this.outputs = new PadTable(description, PadTemplate.Direction.OUTPUT);
    }

    /** The element's name. */
    String name() {
        return spec.name();
    }

    /** {@code 'identity0' (identity)}, for messages. */
    String label() {
        return "'" + spec.name() + "' (" + spec.factory() + ")";
    }
}

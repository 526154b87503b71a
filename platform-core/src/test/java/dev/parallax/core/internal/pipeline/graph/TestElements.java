package dev.parallax.core.internal.pipeline.graph;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.pipeline.Caps;
import dev.parallax.api.pipeline.Element;
import dev.parallax.api.pipeline.ElementDescription;
import dev.parallax.api.pipeline.ElementFactory;
import dev.parallax.api.pipeline.Output;
import dev.parallax.api.pipeline.PadTemplate;
import dev.parallax.api.pipeline.PropertySpec;
import dev.parallax.api.pipeline.PropertyValues;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;

/** Elements that exist only for the planner's tests: a gray8 filter, a splitter, a joiner and a buggy element. */
final class TestElements {
    private TestElements() {}

    /** Every test element. */
    static List<ElementFactory> all() {
        return List.of(threshold(), split(), join(), liar(), text());
    }

    /** {@code threshold}: gray8 in, gray8 out, with a tile-size property. */
    static ElementFactory threshold() {
        return factory(
                ElementDescription.of("threshold", "Filter/Image", "Thresholds gray8 images (test stand-in)")
                        .withPad(PadTemplate.input("sink", Caps.parse("gray8(width=[1,65535], height=[1,65535])")))
                        .withPad(PadTemplate.output("src", Caps.parse("gray8")))
                        .withProperty(PropertySpec.integer("tile-size", 4, 2, 64, "Tile edge in pixels"))
                        .withProperty(PropertySpec.integer("min-contrast", 20, 0, 255, "Least contrast")),
                (inputs, outputs) -> List.of(inputs.getFirst()));
    }

    /** {@code split}: one input, request outputs {@code src_%u} with the input's format (a tee stand-in). */
    static ElementFactory split() {
        return factory(
                ElementDescription.of("split", "Generic", "Copies its input to every output (test stand-in)")
                        .withPad(PadTemplate.input("sink", Caps.ANY))
                        .withPad(PadTemplate.outputs("src_%u", Caps.ANY)),
                (inputs, outputs) -> Collections.nCopies(outputs, inputs.getFirst()));
    }

    /** {@code join}: request inputs {@code sink_%u}, one output, all inputs of one format. */
    static ElementFactory join() {
        return factory(
                ElementDescription.of("join", "Generic", "Merges its inputs (test stand-in)")
                        .withPad(PadTemplate.inputs("sink_%u", Caps.ANY))
                        .withPad(PadTemplate.output("src", Caps.ANY)),
                (inputs, outputs) -> {
                    if (inputs.stream().distinct().count() != 1) {
                        throw new IllegalArgumentException("join needs one format on every input: " + inputs);
                    }
                    return List.of(inputs.getFirst());
                });
    }

    /** {@code liar}: says its output is bytes but negotiates utf8-text, a plugin bug. */
    static ElementFactory liar() {
        return factory(
                ElementDescription.of("liar", "Generic", "Produces what its pad does not allow (test stand-in)")
                        .withPad(PadTemplate.input("sink", Caps.ANY))
                        .withPad(PadTemplate.output("src", Caps.of("bytes"))),
                (inputs, outputs) -> List.of(Format.of("utf8-text")));
    }

    /** {@code text}: takes utf8-text only. */
    static ElementFactory text() {
        return factory(
                ElementDescription.of("text", "Sink", "Takes UTF-8 text (test stand-in)")
                        .withPad(PadTemplate.input("sink", Caps.of("utf8-text")))
                        .withProperty(PropertySpec.string("label", "", "Any text")),
                (inputs, outputs) -> List.of());
    }

    private static ElementFactory factory(
            ElementDescription description, BiFunction<List<Format>, Integer, List<Format>> negotiate) {
        return new ElementFactory() {
            @Override
            public ElementDescription description() {
                return description;
            }

            @Override
            public Element create(PropertyValues properties) {
                return new Element() {
                    @Override
                    public List<Format> negotiate(List<Format> inputs, int outputs) {
                        return negotiate.apply(inputs, outputs);
                    }

                    @Override
                    public void process(int input, Buffer buffer, Output output) {
                        output.push(buffer);
                    }
                };
            }
        };
    }
}

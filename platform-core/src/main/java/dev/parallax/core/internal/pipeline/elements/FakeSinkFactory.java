package dev.parallax.core.internal.pipeline.elements;

import dev.parallax.api.pipeline.Caps;
import dev.parallax.api.pipeline.Element;
import dev.parallax.api.pipeline.ElementDescription;
import dev.parallax.api.pipeline.ElementFactory;
import dev.parallax.api.pipeline.PadTemplate;
import dev.parallax.api.pipeline.PropertySpec;
import dev.parallax.api.pipeline.PropertyValues;
import dev.parallax.api.plugin.ParallaxPlugin;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/** {@code fakesink}: takes any buffer and releases it, the end of a pipeline that only measures or tests. */
@Component(configurationPolicy = ConfigurationPolicy.IGNORE, service = ElementFactory.class)
@ParallaxPlugin(
        id = FakeSinkFactory.NAME,
        capability = ElementFactory.CAPABILITY,
        description = "Sink that releases every buffer",
        license = "Apache-2.0")
public final class FakeSinkFactory implements ElementFactory {
    static final String NAME = "fakesink";

    static final ElementDescription DESCRIPTION = ElementDescription.of(
                    NAME, "Sink", "Takes buffers of any format and releases them")
            .withPad(PadTemplate.input("sink", Caps.ANY))
            .withProperty(PropertySpec.bool(
                    "silent", true, "false: print one line per buffer (sequence, bytes, format) to standard output"))
            .withExample("testsrc num-buffers=10 ! fakesink silent=false");

    @Override
    public ElementDescription description() {
        return DESCRIPTION;
    }

    @Override
    public Element create(PropertyValues properties) {
        return new FakeSink(properties.bool("silent"), System.out);
    }
}

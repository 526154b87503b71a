package dev.parallax.core.internal.pipeline.flow;

import dev.parallax.api.pipeline.Caps;
import dev.parallax.api.pipeline.Element;
import dev.parallax.api.pipeline.ElementDescription;
import dev.parallax.api.pipeline.ElementFactory;
import dev.parallax.api.pipeline.PadTemplate;
import dev.parallax.api.pipeline.PropertyValues;
import dev.parallax.api.plugin.ParallaxPlugin;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/** Makes {@code tee} elements: one input sent to several outputs without copying. */
@Component(configurationPolicy = ConfigurationPolicy.IGNORE, service = ElementFactory.class)
@ParallaxPlugin(
        id = "tee",
        capability = ElementFactory.CAPABILITY,
        description = "Sends each buffer to several branches without copying it",
        license = "Apache-2.0")
public final class TeeElementFactory implements ElementFactory {
    static final ElementDescription DESCRIPTION = ElementDescription.of(
                    "tee",
                    "Generic",
                    "Sends each buffer to every linked output pad, sharing its bytes without copying them")
            .withPad(PadTemplate.input("sink", Caps.ANY))
            .withPad(PadTemplate.outputs("src_%u", Caps.ANY))
            .withExample("testsrc num-buffers=1000 ! tee name=t  t. ! queue ! fakesink  t. ! fakesink");

    @Override
    public ElementDescription description() {
        return DESCRIPTION;
    }

    @Override
    public Element create(PropertyValues properties) {
        return new TeeElement();
    }
}

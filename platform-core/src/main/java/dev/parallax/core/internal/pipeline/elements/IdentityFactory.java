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

/** {@code identity}: passes buffers on unchanged; can fail, sleep or drop on purpose, to test a pipeline. */
@Component(configurationPolicy = ConfigurationPolicy.IGNORE, service = ElementFactory.class)
@ParallaxPlugin(
        id = IdentityFactory.NAME,
        capability = ElementFactory.CAPABILITY,
        description = "Passes buffers on; fails, sleeps or drops on purpose for tests",
        license = "Apache-2.0")
public final class IdentityFactory implements ElementFactory {
    static final String NAME = "identity";

    static final ElementDescription DESCRIPTION = ElementDescription.of(
                    NAME, "Generic", "Passes buffers on unchanged; can fail, sleep or drop on purpose, for tests")
            .withPad(PadTemplate.input("sink", Caps.ANY))
            .withPad(PadTemplate.output("src", Caps.ANY))
            .withProperty(PropertySpec.integer(
                    "error-after",
                    -1,
                    -1,
                    Long.MAX_VALUE,
                    "Throw on the Nth buffer (counting from 1), to test error policies; -1 or 0 never"))
            .withProperty(PropertySpec.integer(
                    "sleep-time",
                    0,
                    0,
                    3_600_000_000L,
                    "Microseconds to sleep per buffer, to test deadlines and backpressure"))
            .withProperty(PropertySpec.decimal(
                    "drop-probability",
                    0,
                    0,
                    1,
                    "Chance of releasing a buffer instead of passing it on; the drops are the same on every run"))
            .withExample("testsrc num-buffers=10 ! identity sleep-time=1000 ! fakesink");

    @Override
    public ElementDescription description() {
        return DESCRIPTION;
    }

    @Override
    public Element create(PropertyValues properties) {
        return new Identity(
                properties.integer("error-after"),
                properties.integer("sleep-time"),
                properties.decimal("drop-probability"));
    }
}

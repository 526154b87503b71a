package dev.parallax.core.internal.pipeline.flow;

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

/** Makes {@code queue} elements: the thread boundary of a pipeline. */
@Component(configurationPolicy = ConfigurationPolicy.IGNORE, service = ElementFactory.class)
@ParallaxPlugin(
        id = "queue",
        capability = ElementFactory.CAPABILITY,
        description = "Hands buffers to a thread of their own through a bounded queue",
        license = "Apache-2.0")
public final class QueueElementFactory implements ElementFactory {
    /** The property that bounds the queue. */
    static final String MAX_SIZE_BUFFERS = "max-size-buffers";

    static final ElementDescription DESCRIPTION = ElementDescription.of(
                    "queue",
                    "Generic",
                    "Passes buffers on unchanged through a bounded queue, so that the elements after it run on a"
                            + " thread of their own; a producer that finds the queue full waits")
            .withPad(PadTemplate.input("sink", Caps.ANY))
            .withPad(PadTemplate.output("src", Caps.ANY))
            .withProperty(PropertySpec.integer(
                    MAX_SIZE_BUFFERS,
                    64,
                    1,
                    65536,
                    "The most buffers waiting in the queue; the element before it waits while the queue is full"))
            .withExample("testsrc num-buffers=1000 ! queue max-size-buffers=16 ! fakesink");

    @Override
    public ElementDescription description() {
        return DESCRIPTION;
    }

    @Override
    public Element create(PropertyValues properties) {
        return new QueueElement(properties.intValue(MAX_SIZE_BUFFERS));
    }
}

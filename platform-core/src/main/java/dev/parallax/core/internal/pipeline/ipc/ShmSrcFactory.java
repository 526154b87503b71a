package dev.parallax.core.internal.pipeline.ipc;

import dev.parallax.api.buffer.Format;
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

/**
 * The {@code shmsrc} element: receives the buffers a {@code shmsink} sends through shared memory, as views of the
 * shared slots with no copy; see {@link ShmReceiver} and {@code docs/ipc.md}.
 */
@Component(configurationPolicy = ConfigurationPolicy.IGNORE, service = ElementFactory.class)
@ParallaxPlugin(
        id = "shmsrc",
        capability = ElementFactory.CAPABILITY,
        description = "Receives buffers from a shmsink in another process through shared memory, without copying",
        license = "Apache-2.0")
public final class ShmSrcFactory implements ElementFactory {
    static final ElementDescription DESCRIPTION = ElementDescription.of(
                    "shmsrc",
                    "Source/IPC",
                    "Receives the buffers of a shmsink in another process as views of its shared memory slots, with"
                            + " no copy; fails naming the sender when it dies or errs")
            .withPad(PadTemplate.output("src", Caps.ANY))
            .withProperty(PropertySpec.string("socket-path", null, "The control socket of the shmsink to connect to"))
            .withProperty(PropertySpec.string(
                    "format",
                    "bytes",
                    "The format of the buffers, e.g. gray8(width=640, height=480, stride=640); it must equal the one"
                            + " the shmsink negotiated, which is checked at connect time"))
            .withProperty(IpcProperties.waitTimeout(
                    "How long to wait for the shmsink's socket and its set-up, in milliseconds"))
            .withProperty(IpcProperties.spinTime())
            .withProperty(IpcProperties.busyPoll())
            .withExample("shmsrc socket-path=/tmp/parallax.sock ! fakesink")
            .withSwappable(false);

    @Override
    public ElementDescription description() {
        return DESCRIPTION;
    }

    @Override
    public Element create(PropertyValues properties) {
        Format format;
        try {
            format = FormatText.parse(properties.string("format"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Property 'format' of shmsrc is invalid: " + e.getMessage(), e);
        }
        return new ShmSrc(
                IpcProperties.socket(properties),
                format,
                IpcProperties.waitTimeout(properties),
                IpcProperties.spinNanos(properties));
    }
}

package dev.parallax.core.internal.pipeline.ipc;

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
 * The {@code shmsink} element: sends the buffers it receives to a {@code shmsrc} in another process (or the same
 * one) through shared memory, copying each into a shared slot once; see {@link ShmSender} and {@code docs/ipc.md}.
 */
@Component(configurationPolicy = ConfigurationPolicy.IGNORE, service = ElementFactory.class)
@ParallaxPlugin(
        id = "shmsink",
        capability = ElementFactory.CAPABILITY,
        description = "Sends buffers to a shmsrc in another process through shared memory",
        license = "Apache-2.0")
public final class ShmSinkFactory implements ElementFactory {
    static final ElementDescription DESCRIPTION = ElementDescription.of(
                    "shmsink",
                    "Sink/IPC",
                    "Sends buffers to a shmsrc in another process through shared memory slots (one copy here, none"
                            + " there), with set-up, end of stream and errors on a Unix domain socket")
            .withPad(PadTemplate.input("sink", Caps.ANY))
            .withProperty(PropertySpec.string(
                    "socket-path", null, "The control socket this sink listens on and the shmsrc connects to"))
            .withProperty(PropertySpec.integer(
                    "slots", 64, 1, ShmLayout.MAX_SLOTS, "Shared slots: how many buffers can be on their way at once"))
            .withProperty(PropertySpec.integer(
                    "slot-size",
                    65536,
                    1,
                    ShmLayout.MAX_SLOT_SIZE,
                    "Bytes per slot: the largest buffer that can be sent"))
            .withProperty(IpcProperties.waitTimeout("How long to wait for a shmsrc to connect, in milliseconds"))
            .withProperty(IpcProperties.spinTime())
            .withProperty(IpcProperties.busyPoll())
            .withExample("testsrc num-buffers=1000 ! shmsink socket-path=/tmp/parallax.sock")
            .withSwappable(false);

    @Override
    public ElementDescription description() {
        return DESCRIPTION;
    }

    @Override
    public Element create(PropertyValues properties) {
        return new ShmSink(
                IpcProperties.socket(properties),
                properties.intValue("slots"),
                properties.integer("slot-size"),
                IpcProperties.waitTimeout(properties),
                IpcProperties.spinNanos(properties));
    }
}

package dev.parallax.core.internal.pipeline.elements;

import dev.parallax.api.buffer.PoolConfig;
import dev.parallax.api.pipeline.Caps;
import dev.parallax.api.pipeline.Element;
import dev.parallax.api.pipeline.ElementDescription;
import dev.parallax.api.pipeline.ElementFactory;
import dev.parallax.api.pipeline.PadTemplate;
import dev.parallax.api.pipeline.PropertySpec;
import dev.parallax.api.pipeline.PropertyValues;
import dev.parallax.api.plugin.ParallaxPlugin;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/** {@code testsrc}: buffers of a test pattern, from a pool, as fast as the pipeline takes them. */
@Component(configurationPolicy = ConfigurationPolicy.IGNORE, service = ElementFactory.class)
@ParallaxPlugin(
        id = TestSrcFactory.NAME,
        capability = ElementFactory.CAPABILITY,
        description = "Test source: pooled buffers of a pattern, bytes or gray8 images",
        license = "Apache-2.0")
public final class TestSrcFactory implements ElementFactory {
    static final String NAME = "testsrc";

    static final ElementDescription DESCRIPTION = ElementDescription.of(
                    NAME, "Source/Test", "Makes buffers of a test pattern, bytes or gray8 images, from a pool")
            .withPad(PadTemplate.output("src", Caps.parse("bytes; gray8(width=[1,65535], height=[1,65535])")))
            .withProperty(PropertySpec.integer(
                    "num-buffers",
                    -1,
                    -1,
                    Long.MAX_VALUE,
                    "Buffers to make before the end of the stream; -1 for no end"))
            .withProperty(PropertySpec.choice(
                    "format", List.of("bytes", "gray8"), "What buffers hold: size raw bytes, or width x height gray8"))
            .withProperty(PropertySpec.integer("size", 4096, 1, 1L << 30, "Bytes per buffer when format is bytes"))
            .withProperty(PropertySpec.integer("width", 320, 1, 65535, "Image width in pixels when format is gray8"))
            .withProperty(PropertySpec.integer("height", 240, 1, 65535, "Image height in pixels when format is gray8"))
            .withProperty(PropertySpec.choice(
                    "pattern",
                    List.of("zero", "counter", "random", "ramp"),
                    "zero bytes; zero with the sequence number in the first 8 bytes (little-endian); random bytes"
                            + " from seed and sequence number; a ramp (byte i is i mod 256, pixel x,y is x+y mod 256)"))
            .withProperty(PropertySpec.integer(
                    "seed", 0, Long.MIN_VALUE, Long.MAX_VALUE, "Seed of the random pattern: same seed, same bytes"))
            .withProperty(PropertySpec.integer(
                    "pool-size", 16, 1, PoolConfig.MAX_SLOTS, "Buffers in the pool: how many can be in flight"))
            .withProperty(PropertySpec.bool(
                    "refill",
                    false,
                    "Write the pattern into every buffer; by default it is written once per pool slot and only"
                            + " what changes (the counter) per buffer, so set it when an element downstream writes"
                            + " into the buffers it receives"))
            .withExample("testsrc num-buffers=100 format=gray8 width=640 height=480 pattern=ramp ! fakesink")
            .withSwappable(false);

    @Override
    public ElementDescription description() {
        return DESCRIPTION;
    }

    @Override
    public Element create(PropertyValues properties) {
        return new TestSrc(properties);
    }
}

package dev.parallax.core.internal.pipeline.elements;

import dev.parallax.api.pipeline.Caps;
import dev.parallax.api.pipeline.Element;
import dev.parallax.api.pipeline.ElementDescription;
import dev.parallax.api.pipeline.ElementFactory;
import dev.parallax.api.pipeline.PadTemplate;
import dev.parallax.api.pipeline.PropertySpec;
import dev.parallax.api.pipeline.PropertyValues;
import dev.parallax.api.plugin.ParallaxPlugin;
import java.nio.file.Path;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/** {@code filesrc}: a file's bytes, in blocks or whole. */
@Component(configurationPolicy = ConfigurationPolicy.IGNORE, service = ElementFactory.class)
@ParallaxPlugin(
        id = FileSrcFactory.NAME,
        capability = ElementFactory.CAPABILITY,
        description = "Reads a file as bytes",
        license = "Apache-2.0")
public final class FileSrcFactory implements ElementFactory {
    static final String NAME = "filesrc";

    /** The largest block: a block is read through one {@link java.nio.ByteBuffer}. */
    static final long MAX_BLOCK = 1L << 30;

    static final ElementDescription DESCRIPTION = ElementDescription.of(
                    NAME, "Source/File", "Reads a file as bytes, in blocks or in one buffer")
            .withPad(PadTemplate.output("src", Caps.of("bytes")))
            .withProperty(PropertySpec.string("location", null, "The file to read"))
            .withProperty(PropertySpec.integer(
                    "block-size",
                    65536,
                    0,
                    MAX_BLOCK,
                    "Bytes per buffer (the last may be shorter); 0 for the whole file in one buffer"))
            .withExample("filesrc location=docs/elements.md ! filesink location=elements-copy.md")
            .withSwappable(false);

    @Override
    public ElementDescription description() {
        return DESCRIPTION;
    }

    @Override
    public Element create(PropertyValues properties) {
        String location = properties.string("location");
        if (location.isEmpty()) {
            throw new IllegalArgumentException("Property 'location' is empty: name the file to read");
        }
        return new FileSrc(Path.of(location), properties.integer("block-size"));
    }
}

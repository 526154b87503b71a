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

/** {@code filesink}: writes the bytes of every buffer to a file, which appears whole at the end of the stream. */
@Component(configurationPolicy = ConfigurationPolicy.IGNORE, service = ElementFactory.class)
@ParallaxPlugin(
        id = FileSinkFactory.NAME,
        capability = ElementFactory.CAPABILITY,
        description = "Writes buffers' bytes to a file, whole or not at all",
        license = "Apache-2.0")
public final class FileSinkFactory implements ElementFactory {
    static final String NAME = "filesink";

    static final ElementDescription DESCRIPTION = ElementDescription.of(
                    NAME,
                    "Sink/File",
                    "Writes the bytes of buffers of any format to a temporary file in the same folder, moved into"
                            + " place at the end of the stream: never a half-written file")
            .withPad(PadTemplate.input("sink", Caps.ANY))
            .withProperty(PropertySpec.string("location", null, "The file to write"))
            .withProperty(PropertySpec.bool("append", false, "Add to the end of the file instead of replacing it"))
            .withExample("testsrc num-buffers=4 size=1024 pattern=ramp ! filesink location=ramp.bin")
            .withSwappable(false);

    @Override
    public ElementDescription description() {
        return DESCRIPTION;
    }

    @Override
    public Element create(PropertyValues properties) {
        String location = properties.string("location");
        if (location.isEmpty()) {
            throw new IllegalArgumentException("Property 'location' is empty: name the file to write");
        }
        return new FileSink(Path.of(location), properties.bool("append"));
    }
}

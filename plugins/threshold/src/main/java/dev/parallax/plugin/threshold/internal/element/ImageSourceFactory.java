package dev.parallax.plugin.threshold.internal.element;

import dev.parallax.api.image.ImageCodec;
import dev.parallax.api.pipeline.Element;
import dev.parallax.api.pipeline.ElementDescription;
import dev.parallax.api.pipeline.ElementFactory;
import dev.parallax.api.pipeline.PadTemplate;
import dev.parallax.api.pipeline.PropertySpec;
import dev.parallax.api.pipeline.PropertyValues;
import dev.parallax.api.plugin.ParallaxPlugin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code imagesrc} element: reads a PNG, JPEG or PGM file as one gray8 buffer, then ends the stream.
 *
 * <p>A source rather than a decoder after {@code filesrc}, because formats are negotiated when the pipeline is
 * built, before any byte flows, and gray8 needs the width and height then: the source reads the file's header at
 * negotiation and its pixels when the pipeline runs.
 */
@Component(configurationPolicy = ConfigurationPolicy.IGNORE, service = ElementFactory.class)
@ParallaxPlugin(
        id = "imagesrc",
        capability = ElementFactory.CAPABILITY,
        description = "Pipeline element: reads a PNG, JPEG or PGM file as one gray8 image",
        license = "Apache-2.0")
public final class ImageSourceFactory implements ElementFactory {
    private static final ElementDescription DESCRIPTION = ElementDescription.of(
                    "imagesrc",
                    "Source/File",
                    "Reads a PNG, JPEG or PGM file as one gray8 image, then ends the stream; colour becomes gray as"
                            + " AprilTag 3 does it")
            .withPad(PadTemplate.output("src", Gray8Format.PACKED))
            .withProperty(PropertySpec.string(
                    "location",
                    null,
                    "The image file, absolute or relative to the working directory; its format is recognized from"
                            + " its content, not its name"))
            .withExample("imagesrc location=" + ThresholdElementFactory.EXAMPLE_IMAGE
                    + " ! pngenc ! filesink location=gray.png")
            .withSwappable(true);

    private final ImageCodec codec;

    @Activate
    public ImageSourceFactory(@Reference ImageCodec codec) {
        this.codec = codec;
    }

    @Override
    public ElementDescription description() {
        return DESCRIPTION;
    }

    @Override
    public Element create(PropertyValues properties) {
        String location = properties.string("location");
        if (location.isBlank()) {
            throw new IllegalArgumentException(
                    "Element 'imagesrc' property 'location' is empty: give the image file to read");
        }
        return new ImageSource(codec, location);
    }
}

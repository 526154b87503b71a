package dev.parallax.plugin.threshold.internal.element;

import dev.parallax.api.buffer.Format;
import dev.parallax.api.pipeline.Caps;
import dev.parallax.api.pipeline.Element;
import dev.parallax.api.pipeline.ElementDescription;
import dev.parallax.api.pipeline.ElementFactory;
import dev.parallax.api.pipeline.PadTemplate;
import dev.parallax.api.pipeline.PropertyValues;
import dev.parallax.api.plugin.ParallaxPlugin;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/** The {@code pngenc} element: encodes each gray8 image as a whole PNG file in a {@code bytes} buffer. */
@Component(configurationPolicy = ConfigurationPolicy.IGNORE, service = ElementFactory.class)
@ParallaxPlugin(
        id = "pngenc",
        capability = ElementFactory.CAPABILITY,
        description = "Pipeline element: encodes gray8 images as PNG files",
        license = "Apache-2.0")
public final class PngEncoderFactory implements ElementFactory {
    private static final ElementDescription DESCRIPTION = ElementDescription.of(
                    "pngenc",
                    "Codec/Encoder/Image",
                    "Encodes each gray8 image as a whole 8-bit gray PNG file, one bytes buffer per image")
            .withPad(PadTemplate.input("sink", Gray8Format.ANY_STRIDE))
            .withPad(PadTemplate.output("src", Caps.of(Format.BYTES.name())))
            .withExample("imagesrc location=" + ThresholdElementFactory.EXAMPLE_IMAGE
                    + " ! threshold method=mean block-size=15 c=5 decimate=true ! pngenc ! filesink location=mean.png")
            .withSwappable(true);

    @Override
    public ElementDescription description() {
        return DESCRIPTION;
    }

    @Override
    public Element create(PropertyValues properties) {
        return new PngEncoder();
    }
}

package dev.parallax.plugin.threshold.internal.element;

import dev.parallax.api.image.Decimate;
import dev.parallax.api.image.MeanThreshold;
import dev.parallax.api.image.MeanThresholdParams;
import dev.parallax.api.image.TileThreshold;
import dev.parallax.api.image.TileThresholdParams;
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
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The {@code threshold} element: binarizes gray8 images with the tile (AprilTag 3) or mean (OpenCV) kernel.
 *
 * <p>The kernels are the highest-ranked services, bound once by Declarative Services: SIMD where the Vector API
 * works, scalar otherwise. The references are greedy, so when a better-ranked kernel appears (the SIMD ones, which
 * register after the bundle's probe, or a hot-deployed kernel bundle) the factory is made again with it; elements
 * already made keep the kernel they were made with.
 */
@Component(configurationPolicy = ConfigurationPolicy.IGNORE, service = ElementFactory.class)
@ParallaxPlugin(
        id = "threshold",
        capability = ElementFactory.CAPABILITY,
        description = "Pipeline element: adaptive threshold of gray8 images (AprilTag 3 tile or OpenCV mean)",
        license = "Apache-2.0")
public final class ThresholdElementFactory implements ElementFactory {
    /** A photograph with AprilTags committed to the repository, relative to its root. */
    static final String EXAMPLE_IMAGE =
            "plugins/threshold/src/test/resources/fixtures/jpeg/34139872896_defdb2f8d9_c.jpg";

    private static final ElementDescription DESCRIPTION = describe();

    private final TileThreshold tile;
    private final MeanThreshold mean;
    private final Decimate decimate;

    @Activate
    public ThresholdElementFactory(
            @Reference(policyOption = ReferencePolicyOption.GREEDY) TileThreshold tile,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) MeanThreshold mean,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Decimate decimate) {
        this.tile = tile;
        this.mean = mean;
        this.decimate = decimate;
    }

    private static ElementDescription describe() {
        ElementDescription description = ElementDescription.of(
                        "threshold",
                        "Filter/Image",
                        "Binarizes gray8 images: AprilTag 3's tile min/max threshold or OpenCV's adaptive mean"
                                + " threshold, optionally after AprilTag's 2x decimation")
                .withPad(PadTemplate.input("sink", Gray8Format.ANY_STRIDE))
                .withPad(PadTemplate.output("src", Gray8Format.PACKED))
                .withExample("imagesrc location=" + EXAMPLE_IMAGE
                        + " ! threshold ! pngenc ! filesink location=threshold.png")
                .withSwappable(true);
        for (PropertySpec property : ThresholdSettings.PROPERTIES) {
            description = description.withProperty(property);
        }
        return description;
    }

    @Override
    public ElementDescription description() {
        return DESCRIPTION;
    }

    @Override
    public Element create(PropertyValues properties) {
        ThresholdSettings settings = ThresholdSettings.of(properties);
        ThresholdElement.Binarizer binarizer = switch (settings.method()) {
            case ThresholdSettings.TILE -> {
                TileThreshold kernel = tile;
                TileThresholdParams params = settings.tile();
                yield (src, dst) -> kernel.threshold(src, dst, params);
            }
            case ThresholdSettings.MEAN -> {
                MeanThreshold kernel = mean;
                MeanThresholdParams params = settings.mean();
                yield (src, dst) -> kernel.threshold(src, dst, params);
            }
            default ->
                throw new IllegalArgumentException("Element 'threshold' property 'method' value '" + settings.method()
                        + "' is not one of tile, mean");
        };
        int tileSize = settings.method().equals(ThresholdSettings.TILE)
                ? settings.tile().tileSize()
                : 0;
        return new ThresholdElement(binarizer, settings.decimate() ? decimate : null, tileSize);
    }

    @Override
    public String toString() {
        return "threshold element factory (" + tile.impl() + " tile, " + mean.impl() + " mean, " + decimate.impl()
                + " decimate)";
    }
}

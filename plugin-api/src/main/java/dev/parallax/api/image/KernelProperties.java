package dev.parallax.api.image;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The service properties and plugin capabilities of image kernels.
 *
 * <p>Every kernel service says how it computes in {@link #IMPL}; the faster one carries the higher {@code
 * service.ranking}, so a plain service lookup or the plugin registry picks it. Pick a particular one with a filter
 * such as {@code (parallax.kernel.impl=scalar)}.
 *
 * <p>Constants only: nobody implements this interface. It is a provider type so that adding a constant is a minor
 * change.
 */
@ProviderType
public interface KernelProperties {
    /** Service property: {@code simd} or {@code scalar}, see {@link KernelImpl#propertyValue()}. */
    String IMPL = "parallax.kernel.impl";

    /** The ranking of SIMD kernel services. */
    int SIMD_RANKING = 100;

    /** The ranking of scalar kernel services. */
    int SCALAR_RANKING = 0;

    /** Plugin capability of {@link TileThreshold} services. */
    String TILE_THRESHOLD = "tile-threshold";

    /** Plugin capability of {@link MeanThreshold} services. */
    String MEAN_THRESHOLD = "mean-threshold";

    /** Plugin capability of {@link Decimate} services. */
    String DECIMATE = "decimate";

    /** Plugin capability of {@link ImageCodec} services. */
    String IMAGE_CODEC = "image-codec";
}

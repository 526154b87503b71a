package dev.parallax.plugin.threshold.internal;

import dev.parallax.api.image.Gray8;
import dev.parallax.api.image.KernelImpl;
import dev.parallax.api.image.KernelProperties;
import dev.parallax.api.image.TileThreshold;
import dev.parallax.api.image.TileThresholdParams;
import dev.parallax.api.plugin.ParallaxPlugin;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/** The SIMD AprilTag 3 tile min/max threshold as a plugin service; there only when {@link SimdKernels} is. */
@Component(
        configurationPolicy = ConfigurationPolicy.IGNORE,
        service = TileThreshold.class,
        property = {
            KernelProperties.IMPL + "=simd",
            Constants.SERVICE_RANKING + ":Integer=" + KernelProperties.SIMD_RANKING
        })
@ParallaxPlugin(
        id = "threshold.tile.simd",
        capability = KernelProperties.TILE_THRESHOLD,
        description = "AprilTag 3 tile min/max threshold (Vector API)",
        license = "Apache-2.0")
public final class TileThresholdSimd implements TileThreshold {
    private final TileThreshold kernel;

    @Activate
    public TileThresholdSimd(@Reference SimdKernels simd) {
        this.kernel = simd.kernels().tile();
    }

    @Override
    public void threshold(Gray8 src, Gray8 dst, TileThresholdParams params) {
        kernel.threshold(src, dst, params);
    }

    @Override
    public KernelImpl impl() {
        return kernel.impl();
    }
}

package dev.parallax.plugin.threshold.internal;

import dev.parallax.api.image.Gray8;
import dev.parallax.api.image.KernelImpl;
import dev.parallax.api.image.KernelProperties;
import dev.parallax.api.image.TileThreshold;
import dev.parallax.api.image.TileThresholdParams;
import dev.parallax.api.plugin.ParallaxPlugin;
import dev.parallax.plugin.threshold.internal.kernels.Kernels;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/** The scalar AprilTag 3 tile min/max threshold as a plugin service, which runs everywhere. */
@Component(
        configurationPolicy = ConfigurationPolicy.IGNORE,
        service = TileThreshold.class,
        property = {
            KernelProperties.IMPL + "=scalar",
            Constants.SERVICE_RANKING + ":Integer=" + KernelProperties.SCALAR_RANKING
        })
@ParallaxPlugin(
        id = "threshold.tile.scalar",
        capability = KernelProperties.TILE_THRESHOLD,
        description = "AprilTag 3 tile min/max threshold (scalar)",
        license = "Apache-2.0")
public final class TileThresholdScalar implements TileThreshold {
    private final TileThreshold kernel;

    @Activate
    public TileThresholdScalar() {
        this.kernel = Kernels.scalar().tile();
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

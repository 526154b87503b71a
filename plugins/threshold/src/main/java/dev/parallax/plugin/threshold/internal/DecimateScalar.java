package dev.parallax.plugin.threshold.internal;

import dev.parallax.api.image.Decimate;
import dev.parallax.api.image.Gray8;
import dev.parallax.api.image.KernelImpl;
import dev.parallax.api.image.KernelProperties;
import dev.parallax.api.plugin.ParallaxPlugin;
import dev.parallax.plugin.threshold.internal.kernels.Kernels;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/** The scalar AprilTag 3 2x decimation as a plugin service, which runs everywhere. */
@Component(
        configurationPolicy = ConfigurationPolicy.IGNORE,
        service = Decimate.class,
        property = {
            KernelProperties.IMPL + "=scalar",
            Constants.SERVICE_RANKING + ":Integer=" + KernelProperties.SCALAR_RANKING
        })
@ParallaxPlugin(
        id = "threshold.decimate.scalar",
        capability = KernelProperties.DECIMATE,
        description = "AprilTag 3 2x decimation (scalar)",
        license = "Apache-2.0")
public final class DecimateScalar implements Decimate {
    private final Decimate kernel;

    @Activate
    public DecimateScalar() {
        this.kernel = Kernels.scalar().decimate();
    }

    @Override
    public void decimate2(Gray8 src, Gray8 dst) {
        kernel.decimate2(src, dst);
    }

    @Override
    public KernelImpl impl() {
        return kernel.impl();
    }
}

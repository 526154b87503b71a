package dev.parallax.plugin.threshold.internal;

import dev.parallax.api.image.Gray8;
import dev.parallax.api.image.KernelImpl;
import dev.parallax.api.image.KernelProperties;
import dev.parallax.api.image.MeanThreshold;
import dev.parallax.api.image.MeanThresholdParams;
import dev.parallax.api.plugin.ParallaxPlugin;
import dev.parallax.plugin.threshold.internal.kernels.Kernels;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/** The scalar OpenCV adaptive mean threshold as a plugin service, which runs everywhere. */
@Component(
        configurationPolicy = ConfigurationPolicy.IGNORE,
        service = MeanThreshold.class,
        property = {
            KernelProperties.IMPL + "=scalar",
            Constants.SERVICE_RANKING + ":Integer=" + KernelProperties.SCALAR_RANKING
        })
@ParallaxPlugin(
        id = "threshold.mean.scalar",
        capability = KernelProperties.MEAN_THRESHOLD,
        description = "OpenCV adaptive mean threshold (scalar)",
        license = "Apache-2.0")
public final class MeanThresholdScalar implements MeanThreshold {
    private final MeanThreshold kernel;

    @Activate
    public MeanThresholdScalar() {
        this.kernel = Kernels.scalar().mean();
    }

    @Override
    public void threshold(Gray8 src, Gray8 dst, MeanThresholdParams params) {
        kernel.threshold(src, dst, params);
    }

    @Override
    public KernelImpl impl() {
        return kernel.impl();
    }
}

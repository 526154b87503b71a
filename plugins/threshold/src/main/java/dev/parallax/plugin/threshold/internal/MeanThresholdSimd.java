package dev.parallax.plugin.threshold.internal;

import dev.parallax.api.image.Gray8;
import dev.parallax.api.image.KernelImpl;
import dev.parallax.api.image.KernelProperties;
import dev.parallax.api.image.MeanThreshold;
import dev.parallax.api.image.MeanThresholdParams;
import dev.parallax.api.plugin.ParallaxPlugin;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/** The SIMD OpenCV adaptive mean threshold as a plugin service; there only when {@link SimdKernels} is. */
@Component(
        configurationPolicy = ConfigurationPolicy.IGNORE,
        service = MeanThreshold.class,
        property = {
            KernelProperties.IMPL + "=simd",
            Constants.SERVICE_RANKING + ":Integer=" + KernelProperties.SIMD_RANKING
        })
@ParallaxPlugin(
        id = "threshold.mean.simd",
        capability = KernelProperties.MEAN_THRESHOLD,
        description = "OpenCV adaptive mean threshold (Vector API)",
        license = "Apache-2.0")
public final class MeanThresholdSimd implements MeanThreshold {
    private final MeanThreshold kernel;

    @Activate
    public MeanThresholdSimd(@Reference SimdKernels simd) {
        this.kernel = simd.kernels().mean();
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

package dev.parallax.plugin.threshold.internal;

import dev.parallax.api.image.Decimate;
import dev.parallax.api.image.Gray8;
import dev.parallax.api.image.KernelImpl;
import dev.parallax.api.image.KernelProperties;
import dev.parallax.api.plugin.ParallaxPlugin;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/** The SIMD AprilTag 3 2x decimation as a plugin service; there only when {@link SimdKernels} is. */
@Component(
        configurationPolicy = ConfigurationPolicy.IGNORE,
        service = Decimate.class,
        property = {
            KernelProperties.IMPL + "=simd",
            Constants.SERVICE_RANKING + ":Integer=" + KernelProperties.SIMD_RANKING
        })
@ParallaxPlugin(
        id = "threshold.decimate.simd",
        capability = KernelProperties.DECIMATE,
        description = "AprilTag 3 2x decimation (Vector API)",
        license = "Apache-2.0")
public final class DecimateSimd implements Decimate {
    private final Decimate kernel;

    @Activate
    public DecimateSimd(@Reference SimdKernels simd) {
        this.kernel = simd.kernels().decimate();
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

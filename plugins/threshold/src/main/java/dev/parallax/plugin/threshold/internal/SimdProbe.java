package dev.parallax.plugin.threshold.internal;

import dev.parallax.plugin.threshold.internal.kernels.Kernels;
import dev.parallax.plugin.threshold.internal.kernels.VectorProbe;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Decides once, when the bundle starts, whether the SIMD kernels can run, and registers {@link SimdKernels} if so.
 * If not it logs one line saying how to enable them; the scalar kernel services serve alone.
 */
@Component(
        configurationPolicy = ConfigurationPolicy.IGNORE,
        immediate = true,
        service = {})
public final class SimdProbe {
    private static final Logger LOG = System.getLogger(SimdProbe.class.getName());

    private final ServiceRegistration<SimdKernels> registration;

    @Activate
    public SimdProbe(BundleContext context) {
        VectorProbe probe = VectorProbe.probe();
        if (probe.available()) {
            LOG.log(Level.INFO, probe.message());
            registration =
                    context.registerService(SimdKernels.class, new SimdKernels(() -> Kernels.vector(probe)), null);
        } else {
            LOG.log(Level.WARNING, probe.message());
            registration = null;
        }
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
        }
    }
}

package dev.parallax.plugin.threshold.internal;

import dev.parallax.plugin.threshold.internal.kernels.Kernels;
import java.util.function.Supplier;

/**
 * A service of this bundle's own, there only when the Vector API works: the SIMD kernel components require it, so
 * without it they stay unsatisfied and unregistered, and consumers get the scalar ones.
 *
 * <p>The kernels are built when a SIMD kernel is first used, not when the bundle starts: building them loads and
 * links much of the Vector API, which a platform that never thresholds an image should not pay for at start-up.
 */
public final class SimdKernels {
    private final Supplier<Kernels> factory;
    private volatile Kernels kernels;

    SimdKernels(Supplier<Kernels> factory) {
        this.factory = factory;
    }

    /** The Vector API kernels, built on the first call. */
    public Kernels kernels() {
        Kernels built = kernels;
        if (built == null) {
            synchronized (this) {
                built = kernels;
                if (built == null) {
                    kernels = built = factory.get();
                }
            }
        }
        return built;
    }
}

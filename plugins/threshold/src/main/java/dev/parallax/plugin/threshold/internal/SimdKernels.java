package dev.parallax.plugin.threshold.internal;

import dev.parallax.plugin.threshold.internal.kernels.Kernels;

/**
 * A service of this bundle's own, there only when the Vector API works: the SIMD kernel components require it, so
 * without it they stay unsatisfied and unregistered, and consumers get the scalar ones.
 *
 * @param kernels the Vector API kernels
 */
public record SimdKernels(Kernels kernels) {}

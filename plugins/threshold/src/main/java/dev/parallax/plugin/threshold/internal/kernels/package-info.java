/**
 * The kernels: one scalar and one Vector API implementation per family, chosen once by {@link
 * dev.parallax.plugin.threshold.internal.kernels.Kernels}. Only the {@code Vector*} classes import {@code
 * jdk.incubator.vector}; nothing loads them unless {@link dev.parallax.plugin.threshold.internal.kernels.VectorProbe}
 * found the module.
 */
package dev.parallax.plugin.threshold.internal.kernels;

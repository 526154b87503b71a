/**
 * The plugin's Declarative Services components: one kernel service per family and implementation, SIMD ones only
 * when {@link dev.parallax.plugin.threshold.internal.SimdProbe} registered {@link
 * dev.parallax.plugin.threshold.internal.SimdKernels}.
 */
package dev.parallax.plugin.threshold.internal;

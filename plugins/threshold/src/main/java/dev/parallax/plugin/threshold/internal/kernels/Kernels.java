package dev.parallax.plugin.threshold.internal.kernels;

import dev.parallax.api.image.Decimate;
import dev.parallax.api.image.MeanThreshold;
import dev.parallax.api.image.TileThreshold;
import java.util.function.Consumer;

/**
 * One implementation of each kernel family, all scalar or all SIMD.
 *
 * @param tile the tile min/max threshold
 * @param mean the adaptive mean threshold
 * @param decimate the 2x decimation
 */
public record Kernels(TileThreshold tile, MeanThreshold mean, Decimate decimate) {

    /** The scalar kernels: they run everywhere. */
    public static Kernels scalar() {
        return new Kernels(new ScalarTileThreshold(), new ScalarMeanThreshold(), new ScalarDecimate());
    }

    /**
     * The Vector API kernels.
     *
     * @throws IllegalStateException if {@code probe} found the Vector API unusable, with its message
     */
    public static Kernels vector(VectorProbe probe) {
        if (!probe.available()) {
            throw new IllegalStateException(probe.message());
        }
        return VectorKernels.create();
    }

    /**
     * The fastest kernels {@code probe} allows, chosen once: SIMD when available, otherwise scalar, telling {@code
     * log} in one line how to enable SIMD.
     */
    public static Kernels best(VectorProbe probe, Consumer<String> log) {
        if (probe.available()) {
            return vector(probe);
        }
        log.accept(probe.message());
        return scalar();
    }
}

package dev.parallax.plugin.threshold.internal.kernels;

/** Creates the Vector API kernels; a class of its own so that nothing loads them before the probe said yes. */
final class VectorKernels {
    private VectorKernels() {}

    static Kernels create() {
        return new Kernels(new VectorTileThreshold(), new VectorMeanThreshold(), new VectorDecimate());
    }
}

package dev.parallax.plugin.threshold.internal.kernels;

import jdk.incubator.vector.VectorShape;

/** The one place the probe touches the Vector API; loaded only once the module is known to be there. */
final class VectorWidth {
    private VectorWidth() {}

    static int preferredBits() {
        return VectorShape.preferredShape().vectorBitSize();
    }
}

package dev.parallax.api.image;

/** How a kernel service computes: with the Vector API or one pixel at a time. Both give the same bytes. */
public enum KernelImpl {
    /** Java's Vector API ({@code jdk.incubator.vector}). */
    SIMD,
    /** Plain Java, one pixel at a time: the reference and the fallback. */
    SCALAR;

    /** The value of the {@link KernelProperties#IMPL} service property: {@code simd} or {@code scalar}. */
    public String propertyValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

package dev.parallax.plugin.threshold.internal.kernels;

import java.util.Optional;
import java.util.function.Function;

/**
 * Whether the Vector API can be used here, found out without touching a vector class unless the module is there.
 *
 * <p>Without {@code --add-modules jdk.incubator.vector} a vector class fails to load (in OSGi, as a misleading
 * NullPointerException from the component). So the probe first looks the module up in the boot layer, and only then
 * asks {@link VectorWidth} for the preferred vector size.
 *
 * @param available whether the SIMD kernels can run
 * @param message one line for the log: what was found and, when unavailable, how to enable SIMD
 */
public record VectorProbe(boolean available, String message) {
    /** The Vector API module. */
    public static final String MODULE = "jdk.incubator.vector";

    /** The narrowest vectors worth using, in bits. */
    public static final int MIN_BITS = 128;

    private static final String SCALAR = " Using the scalar kernels, which give the same bytes, slower.";

    /** Probes this JVM. */
    public static VectorProbe probe() {
        return probe(name -> ModuleLayer.boot().findModule(name));
    }

    /** Probes with {@code findModule} standing for {@code ModuleLayer.boot().findModule}: tests say "absent". */
    public static VectorProbe probe(Function<String, Optional<Module>> findModule) {
        if (findModule.apply(MODULE).isEmpty()) {
            return new VectorProbe(
                    false,
                    "SIMD kernels off: the JVM has no " + MODULE + " module; start java with --add-modules " + MODULE
                            + " (in a .bndrun: -runvm: --add-modules=" + MODULE + " and -runsystempackages: " + MODULE
                            + ")." + SCALAR);
        }
        int bits;
        try {
            bits = VectorWidth.preferredBits();
        } catch (LinkageError e) {
            return new VectorProbe(
                    false,
                    "SIMD kernels off: the JVM has the " + MODULE + " module but this bundle cannot see the package ("
                            + e + "); export it from the system bundle with org.osgi.framework.system.packages.extra="
                            + MODULE + "." + SCALAR);
        }
        return probe(bits);
    }

    /** The verdict for a machine whose preferred vectors are {@code bits} wide. */
    public static VectorProbe probe(int bits) {
        if (bits < MIN_BITS) {
            return new VectorProbe(
                    false,
                    "SIMD kernels off: vector bit size is less than " + MIN_BITS + ": " + bits
                            + "; this CPU or -XX:MaxVectorSize is too narrow." + SCALAR);
        }
        return new VectorProbe(true, "SIMD kernels on: " + bits + "-bit vectors.");
    }
}

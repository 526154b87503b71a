package dev.parallax.api.plugin;

import java.util.Comparator;
import java.util.Objects;
import org.osgi.framework.Version;

/**
 * A plugin the registry accepted: its descriptor and where it comes from.
 *
 * @param descriptor what the plugin declares
 * @param bundleId the id of the bundle that registered the plugin's service
 * @param bundleSymbolicName that bundle's symbolic name
 * @param serviceId the plugin service's {@code service.id}
 * @param ranking the plugin service's {@code service.ranking}
 */
public record PluginInfo(
        PluginDescriptor descriptor, long bundleId, String bundleSymbolicName, long serviceId, int ranking) {

    /**
     * The order in which the registry prefers plugins: highest version first, then highest service ranking, then
     * lowest service id (the one registered first), as the OSGi service registry itself breaks ties.
     */
    public static final Comparator<PluginInfo> BEST_FIRST = (a, b) -> {
        // One comparison rather than a chain of comparing(...): this runs as the platform starts, where every
        // lambda the chain spins adds to start-up.
        int byVersion = b.version().compareTo(a.version());
        if (byVersion != 0) {
            return byVersion;
        }
        int byRanking = Integer.compare(b.ranking(), a.ranking());
        return byRanking != 0 ? byRanking : Long.compare(a.serviceId(), b.serviceId());
    };

    /** Checks that the descriptor is there. */
    public PluginInfo {
        Objects.requireNonNull(descriptor, "descriptor");
    }

    /** The plugin id. */
    public String id() {
        return descriptor.id();
    }

    /** The plugin version. */
    public Version version() {
        return descriptor.version();
    }

    /** The capability the plugin contributes. */
    public String capability() {
        return descriptor.capability();
    }

    /** {@code id version (capability) from bundle bsn [bundleId]}, for logs and messages. */
    @Override
    public String toString() {
        return id() + " " + version() + " (" + capability() + ") from " + bundleSymbolicName + " [" + bundleId + "]";
    }
}

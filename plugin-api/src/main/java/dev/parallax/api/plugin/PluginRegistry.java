package dev.parallax.api.plugin;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Version;

/**
 * The plugins the runtime accepted, and the ones it rejected.
 *
 * <p>The registry follows the OSGi service registry: a service with {@link PluginProperties#ID} is a plugin. It is
 * accepted when its descriptor is valid and its ABI range includes the runtime's ABI, and rejected otherwise, with
 * a {@link PluginEvent.Type#REJECTED} event. Several versions of a plugin can be there side by side; queries
 * return them best first (see {@link PluginInfo#BEST_FIRST}).
 *
 * <p>A provider type: only the runtime implements it.
 */
@ProviderType
public interface PluginRegistry {
    /** The ABI version this runtime provides. */
    Version abi();

    /** Every accepted plugin, sorted by id and then best first. */
    List<PluginInfo> plugins();

    /** The accepted plugins that match {@code query}, best first. */
    List<PluginInfo> find(PluginQuery query);

    /** The best accepted plugin that matches {@code query}: the highest version, ties broken by service ranking. */
    Optional<PluginInfo> best(PluginQuery query);

    /**
     * Gets the service of the best plugin that matches {@code query} and is a {@code type}.
     *
     * <p>A plugin whose service fails to activate is rejected (with an event) and the next best is tried.
     *
     * @return the service, held until the handle is closed; empty if no plugin matches
     */
    <T> Optional<PluginService<T>> acquire(PluginQuery query, Class<T> type);

    /** Why each currently registered service that is not an accepted plugin was refused. */
    List<Rejection> rejections();
}

package dev.parallax.api.plugin;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A plugin's service object, held until {@link #close()}.
 *
 * <p>Close it when done (try-with-resources): holding a service keeps its plugin's classes loaded, even after the
 * plugin is uninstalled.
 *
 * <p>A provider type: only the runtime implements it.
 *
 * @param <T> the service type
 */
@ProviderType
public interface PluginService<T> extends AutoCloseable {
    /** The plugin that provides the service. */
    PluginInfo plugin();

    /**
     * The service object.
     *
     * @throws IllegalStateException if this handle was closed
     */
    T get();

    /** Releases the service. Closing twice does nothing. */
    @Override
    void close();
}

package dev.parallax.core.internal.pipeline;

import dev.parallax.api.pipeline.ElementDescription;
import dev.parallax.api.pipeline.ElementFactory;
import dev.parallax.api.plugin.PluginInfo;

/**
 * An element factory found through the plugin registry, held until closed.
 *
 * <p>Implementations keep the registry's {@code PluginService} handle, so the factory's plugin stays usable while a
 * pipeline uses it.
 */
public interface ResolvedFactory extends AutoCloseable {
    /** A factory held by no service, so closing it releases nothing: for catalogs built without a registry. */
    static ResolvedFactory of(PluginInfo plugin, ElementFactory factory) {
        record Unheld(PluginInfo plugin, ElementFactory factory) implements ResolvedFactory {
            @Override
            public void close() {}
        }
        return new Unheld(plugin, factory);
    }

    /** The plugin that provides the factory (its version is the element's version). */
    PluginInfo plugin();

    /** The factory. */
    ElementFactory factory();

    /** The factory's description. */
    default ElementDescription description() {
        return factory().description();
    }

    /** Releases the factory's service. */
    @Override
    void close();
}

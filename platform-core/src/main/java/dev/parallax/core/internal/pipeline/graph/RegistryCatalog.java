package dev.parallax.core.internal.pipeline.graph;

import dev.parallax.api.pipeline.ElementDescription;
import dev.parallax.api.pipeline.ElementFactory;
import dev.parallax.api.plugin.PluginInfo;
import dev.parallax.api.plugin.PluginQuery;
import dev.parallax.api.plugin.PluginRegistry;
import dev.parallax.api.plugin.PluginService;
import dev.parallax.core.internal.pipeline.ElementCatalog;
import dev.parallax.core.internal.pipeline.ResolvedFactory;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The element factories in the plugin registry: plugins whose capability is {@link ElementFactory#CAPABILITY} and
 * whose id is the element's name, the best version of each.
 */
public final class RegistryCatalog implements ElementCatalog {
    private static final System.Logger LOG = System.getLogger(RegistryCatalog.class.getName());
    private static final PluginQuery ELEMENTS = PluginQuery.capability(ElementFactory.CAPABILITY);

    private final PluginRegistry registry;

    /** A catalog over {@code registry}. */
    public RegistryCatalog(PluginRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Optional<ResolvedFactory> resolve(String name) {
        return registry.acquire(ELEMENTS.withId(name), ElementFactory.class).map(Resolved::new);
    }

    /** Acquires each element's best factory once to read its description, and releases it. */
    @Override
    public List<ElementDescription> elements() {
        Set<String> ids = new LinkedHashSet<>();
        for (PluginInfo plugin : registry.find(ELEMENTS)) {
            ids.add(plugin.id());
        }
        List<ElementDescription> descriptions = new ArrayList<>();
        for (String id : ids) {
            try (ResolvedFactory factory = resolve(id).orElse(null)) {
                if (factory != null) {
                    descriptions.add(factory.description());
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Element ''{0}'' cannot describe itself and is left out: {1}", id, e);
            }
        }
        descriptions.sort(Comparator.comparing(ElementDescription::name));
        return descriptions;
    }

    /** A factory held through the registry until closed. */
    private record Resolved(PluginService<ElementFactory> service) implements ResolvedFactory {
        @Override
        public PluginInfo plugin() {
            return service.plugin();
        }

        @Override
        public ElementFactory factory() {
            return service.get();
        }

        @Override
        public void close() {
            service.close();
        }
    }
}

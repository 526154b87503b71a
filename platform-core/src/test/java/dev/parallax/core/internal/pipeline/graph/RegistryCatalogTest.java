package dev.parallax.core.internal.pipeline.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.pipeline.ElementDescription;
import dev.parallax.api.pipeline.ElementFactory;
import dev.parallax.api.plugin.Abi;
import dev.parallax.api.plugin.PluginDescriptor;
import dev.parallax.api.plugin.PluginInfo;
import dev.parallax.api.plugin.PluginQuery;
import dev.parallax.api.plugin.PluginRegistry;
import dev.parallax.api.plugin.PluginService;
import dev.parallax.api.plugin.Rejection;
import dev.parallax.core.internal.pipeline.ResolvedFactory;
import dev.parallax.core.internal.pipeline.elements.FakeSinkFactory;
import dev.parallax.core.internal.pipeline.elements.IdentityFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

class RegistryCatalogTest {
    /** A registry of plugins with services, answering queries best first as the real one does. */
    private static final class Registry implements PluginRegistry {
        final Map<PluginInfo, Object> services = new java.util.LinkedHashMap<>();
        final List<PluginQuery> acquired = new ArrayList<>();
        int open;

        void add(String id, String capability, String version, Object service) {
            PluginDescriptor descriptor = new PluginDescriptor(
                    id, Version.parseVersion(version), capability, new VersionRange(Abi.RANGE), "", "");
            services.put(new PluginInfo(descriptor, 1, "b", services.size() + 1, 0), service);
        }

        @Override
        public Version abi() {
            return Version.parseVersion(Abi.VERSION);
        }

        @Override
        public List<PluginInfo> plugins() {
            return find(PluginQuery.all());
        }

        @Override
        public List<PluginInfo> find(PluginQuery query) {
            return services.keySet().stream()
                    .filter(plugin -> query.matches(plugin.descriptor()))
                    .sorted(PluginInfo.BEST_FIRST)
                    .toList();
        }

        @Override
        public Optional<PluginInfo> best(PluginQuery query) {
            return find(query).stream().findFirst();
        }

        @Override
        public <T> Optional<PluginService<T>> acquire(PluginQuery query, Class<T> type) {
            acquired.add(query);
            return best(query).map(plugin -> {
                open++;
                return new PluginService<T>() {
                    @Override
                    public PluginInfo plugin() {
                        return plugin;
                    }

                    @Override
                    public T get() {
                        return type.cast(services.get(plugin));
                    }

                    @Override
                    public void close() {
                        open--;
                    }
                };
            });
        }

        @Override
        public List<Rejection> rejections() {
            return List.of();
        }
    }

    private final Registry registry = new Registry();
    private final RegistryCatalog catalog = new RegistryCatalog(registry);

    @Test
    void resolve_acquiresTheBestVersionOfTheElementCapability() {
        ElementFactory old = new IdentityFactory();
        ElementFactory best = new IdentityFactory();
        registry.add("identity", ElementFactory.CAPABILITY, "1.0.0", old);
        registry.add("identity", ElementFactory.CAPABILITY, "1.1.0", best);
        registry.add("identity", "greeter", "9.0.0", "not an element");
        try (ResolvedFactory factory = catalog.resolve("identity").orElseThrow()) {
            assertSame(best, factory.factory());
            assertEquals(Version.parseVersion("1.1.0"), factory.plugin().version());
            assertEquals("identity", factory.description().name());
            assertEquals(1, registry.open);
        }
        assertEquals(0, registry.open);
        assertEquals(List.of(PluginQuery.capability(ElementFactory.CAPABILITY).withId("identity")), registry.acquired);
    }

    @Test
    void resolve_ofAnUnknownElement_isEmpty() {
        assertTrue(catalog.resolve("nothing").isEmpty());
    }

    @Test
    void elements_describeEachElementOnceSortedAndReleaseTheirFactories() {
        registry.add("identity", ElementFactory.CAPABILITY, "1.0.0", new IdentityFactory());
        registry.add("fakesink", ElementFactory.CAPABILITY, "1.0.0", new FakeSinkFactory());
        registry.add("identity", ElementFactory.CAPABILITY, "2.0.0", new IdentityFactory());
        registry.add("hello", "greeter", "1.0.0", "not an element");
        assertEquals(
                List.of("fakesink", "identity"),
                catalog.elements().stream().map(ElementDescription::name).toList());
        assertEquals(2, registry.acquired.size());
        assertEquals(0, registry.open);
    }
}

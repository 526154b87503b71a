package dev.parallax.core.internal.pipeline.graph;

import dev.parallax.api.pipeline.ElementDescription;
import dev.parallax.api.pipeline.ElementFactory;
import dev.parallax.api.plugin.Abi;
import dev.parallax.api.plugin.PluginDescriptor;
import dev.parallax.api.plugin.PluginInfo;
import dev.parallax.core.internal.pipeline.ElementCatalog;
import dev.parallax.core.internal.pipeline.ResolvedFactory;
import dev.parallax.core.internal.pipeline.elements.FakeSinkFactory;
import dev.parallax.core.internal.pipeline.elements.FileSinkFactory;
import dev.parallax.core.internal.pipeline.elements.FileSrcFactory;
import dev.parallax.core.internal.pipeline.elements.IdentityFactory;
import dev.parallax.core.internal.pipeline.elements.TestSrcFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * An element catalog without OSGi: the core factories made directly, plus test elements, counting how many
 * resolved factories are open.
 */
final class TestCatalog implements ElementCatalog {
    private final Map<String, ElementFactory> factories = new LinkedHashMap<>();
    private final List<Handle> handles = new ArrayList<>();

    /** The core elements and the test elements of {@link TestElements}. */
    static TestCatalog standard() {
        TestCatalog catalog = new TestCatalog();
        for (ElementFactory factory : List.of(
                new TestSrcFactory(),
                new FileSrcFactory(),
                new FileSinkFactory(),
                new FakeSinkFactory(),
                new IdentityFactory())) {
            catalog.add(factory);
        }
        TestElements.all().forEach(catalog::add);
        return catalog;
    }

    TestCatalog add(ElementFactory factory) {
        factories.put(factory.description().name(), factory);
        return this;
    }

    @Override
    public Optional<ResolvedFactory> resolve(String name) {
        ElementFactory factory = factories.get(name);
        if (factory == null) {
            return Optional.empty();
        }
        Handle handle = new Handle(name, factory);
        handles.add(handle);
        return Optional.of(handle);
    }

    @Override
    public List<ElementDescription> elements() {
        return factories.values().stream()
                .map(ElementFactory::description)
                .sorted(Comparator.comparing(ElementDescription::name))
                .toList();
    }

    /** How many factories were resolved and not closed. */
    long open() {
        return handles.stream().filter(handle -> !handle.closed).count();
    }

    /** How many times factories were resolved. */
    int resolved() {
        return handles.size();
    }

    private static final class Handle implements ResolvedFactory {
        private final PluginInfo plugin;
        private final ElementFactory factory;
        private boolean closed;

        Handle(String name, ElementFactory factory) {
            this.plugin = new PluginInfo(
                    new PluginDescriptor(
                            name,
                            Version.parseVersion("1.2.0"),
                            ElementFactory.CAPABILITY,
                            new VersionRange(Abi.RANGE),
                            "",
                            ""),
                    7,
                    "test.bundle",
                    100 + name.length(),
                    0);
            this.factory = factory;
        }

        @Override
        public PluginInfo plugin() {
            return plugin;
        }

        @Override
        public ElementFactory factory() {
            return factory;
        }

        @Override
        public void close() {
            if (closed) {
                throw new IllegalStateException(plugin.id() + " closed twice");
            }
            closed = true;
        }
    }
}

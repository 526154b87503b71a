package dev.parallax.core.internal.pipeline;

import dev.parallax.api.pipeline.ElementDescription;
import dev.parallax.api.pipeline.ElementFactory;
import dev.parallax.api.plugin.Abi;
import dev.parallax.api.plugin.PluginDescriptor;
import dev.parallax.api.plugin.PluginInfo;
import dev.parallax.core.internal.pipeline.elements.FakeSinkFactory;
import dev.parallax.core.internal.pipeline.elements.FileSinkFactory;
import dev.parallax.core.internal.pipeline.elements.FileSrcFactory;
import dev.parallax.core.internal.pipeline.elements.IdentityFactory;
import dev.parallax.core.internal.pipeline.elements.TestSrcFactory;
import dev.parallax.core.internal.pipeline.flow.QueueElementFactory;
import dev.parallax.core.internal.pipeline.flow.TeeElementFactory;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * A catalog of factories made directly, without a framework or a registry: for benchmarks and tests that run the
 * engine on a plain class path. Every element is reported as version {@code version} of a plugin of its own name.
 */
public final class StaticCatalog implements ElementCatalog {
    private final Map<String, ElementFactory> factories = new LinkedHashMap<>();
    private final Version version;

    /** An empty catalog whose elements report {@code version}. */
    public StaticCatalog(Version version) {
        this.version = version;
    }

    /** The core elements: testsrc, filesrc, filesink, fakesink, identity, tee and queue. */
    public static StaticCatalog core() {
        StaticCatalog catalog = new StaticCatalog(new Version(0, 0, 0));
        List.of(
                        new TestSrcFactory(),
                        new FileSrcFactory(),
                        new FileSinkFactory(),
                        new FakeSinkFactory(),
                        new IdentityFactory(),
                        new TeeElementFactory(),
                        new QueueElementFactory())
                .forEach(catalog::add);
        return catalog;
    }

    /** Adds a factory, replacing one of the same element name. */
    public StaticCatalog add(ElementFactory factory) {
        factories.put(factory.description().name(), factory);
        return this;
    }

    @Override
    public Optional<ResolvedFactory> resolve(String name) {
        ElementFactory factory = factories.get(name);
        if (factory == null) {
            return Optional.empty();
        }
        PluginInfo plugin = new PluginInfo(
                new PluginDescriptor(name, version, ElementFactory.CAPABILITY, new VersionRange(Abi.RANGE), "", ""),
                0,
                "static",
                0,
                0);
        return Optional.of(ResolvedFactory.of(plugin, factory));
    }

    @Override
    public List<ElementDescription> elements() {
        return factories.values().stream()
                .map(ElementFactory::description)
                .sorted(Comparator.comparing(ElementDescription::name))
                .toList();
    }
}

package dev.parallax.core.internal.pipeline.run;

import dev.parallax.api.pipeline.Element;
import dev.parallax.api.pipeline.ElementDescription;
import dev.parallax.api.pipeline.ElementFactory;
import dev.parallax.api.pipeline.PropertyValues;
import dev.parallax.api.plugin.PluginDescriptor;
import dev.parallax.api.plugin.PluginInfo;
import dev.parallax.core.internal.pipeline.ResolvedFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/** A resolved factory as the graph builder would hand one over: a plugin identity and a factory, counted. */
final class TestFactory implements ResolvedFactory {
    private static final AtomicLong SERVICE_IDS = new AtomicLong(1000);

    private final PluginInfo plugin;
    private final ElementFactory factory;
    private final AtomicInteger closes = new AtomicInteger();
    private final List<Element> made = new CopyOnWriteArrayList<>();
    private final List<PropertyValues> properties = new CopyOnWriteArrayList<>();

    TestFactory(ElementDescription description, String version, Function<PropertyValues, Element> maker) {
        PluginDescriptor descriptor = new PluginDescriptor(
                description.name(),
                Version.parseVersion(version),
                ElementFactory.CAPABILITY,
                new VersionRange("[1.0.0,2.0.0)"),
                "test element",
                "Apache-2.0");
        long service = SERVICE_IDS.incrementAndGet();
        this.plugin = new PluginInfo(descriptor, service, "test.bundle." + service, service, 0);
        this.factory = new ElementFactory() {
            @Override
            public ElementDescription description() {
                return description;
            }

            @Override
            public Element create(PropertyValues values) {
                Element element = maker.apply(values);
                made.add(element);
                properties.add(values);
                return element;
            }
        };
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
        closes.incrementAndGet();
    }

    /** How many times it was closed. */
    int closes() {
        return closes.get();
    }

    /** Every element it made, in order. */
    List<Element> made() {
        return List.copyOf(made);
    }

    /** The properties of every element it made, in order. */
    List<PropertyValues> properties() {
        return List.copyOf(properties);
    }
}

package dev.parallax.itests;

import static dev.parallax.itests.RecordingListener.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.plugin.Abi;
import dev.parallax.api.plugin.PluginEvent.Type;
import dev.parallax.api.plugin.PluginInfo;
import dev.parallax.api.plugin.PluginProperties;
import dev.parallax.api.plugin.PluginQuery;
import dev.parallax.api.plugin.PluginRegistry;
import dev.parallax.api.plugin.PluginService;
import dev.parallax.itests.greeter.Greeter;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/** A plugin registers and is found by capability, id and version range; the best version is chosen. */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class PluginLookupTest {
    @InjectBundleContext
    BundleContext context;

    @InjectService
    PluginRegistry registry;

    Fixtures fixtures;
    RecordingListener listener;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(context);
        listener = new RecordingListener(context);
    }

    @AfterEach
    void tearDown() throws Exception {
        listener.close();
        fixtures.close();
    }

    @Test
    void startedPlugin_isFoundByCapabilityIdAndVersionRange() throws Exception {
        fixtures.start(Fixtures.HELLO);
        listener.await("ADDED hello 1.0.0", event(Type.ADDED, "hello", "1.0.0"));

        assertEquals(List.of("hello"), ids(registry.find(PluginQuery.capability("greeter"))));
        assertEquals(List.of("hello"), ids(registry.find(PluginQuery.id("hello"))));
        assertEquals(List.of("hello"), ids(registry.find(PluginQuery.id("hello").withVersions("[1.0,1.1)"))));
        assertTrue(
                registry.find(PluginQuery.id("hello").withVersions("[1.1,2)")).isEmpty());
        assertTrue(registry.find(PluginQuery.capability("embedder")).isEmpty());

        try (PluginService<Greeter> greeter = registry.acquire(PluginQuery.capability("greeter"), Greeter.class)
                .orElseThrow()) {
            assertEquals("Hello, Ada, from hello 1.0.0", greeter.get().greet("Ada"));
        }
    }

    @Test
    void annotatedPlugin_declaresEverythingFromTheBuild() throws Exception {
        Bundle hello = fixtures.start(Fixtures.HELLO);
        listener.await("ADDED hello 1.0.0", event(Type.ADDED, "hello", "1.0.0"));

        PluginInfo plugin = registry.best(PluginQuery.id("hello")).orElseThrow();
        assertEquals("greeter", plugin.capability());
        assertEquals("Greets in plain English", plugin.descriptor().description());
        assertEquals("Apache-2.0", plugin.descriptor().license());
        assertEquals(new VersionRange(Abi.RANGE), plugin.descriptor().abi());
        assertEquals(hello.getBundleId(), plugin.bundleId());
        // The resolve-time requirement comes from @ParallaxPlugin at build time, not from a hand-written header.
        String requirement = hello.getHeaders().get(Constants.REQUIRE_CAPABILITY);
        assertTrue(
                requirement.contains(
                        "parallax.abi;filter:=\"(&(parallax.abi=parallax)(version>=1.0.0)(!(version>=2.0.0)))\""),
                requirement);
    }

    @Test
    void twoVersionsSideBySide_highestCompatibleIsChosen() throws Exception {
        fixtures.start(Fixtures.HELLO);
        listener.await("ADDED hello 1.0.0", event(Type.ADDED, "hello", "1.0.0"));
        fixtures.start(Fixtures.HELLO_NEXT);
        listener.await("REPLACED by hello 1.1.0", event(Type.REPLACED, "hello", "1.1.0"));

        assertEquals(List.of("1.1.0", "1.0.0"), versions(registry.find(PluginQuery.id("hello"))));
        assertEquals(
                Version.parseVersion("1.1.0"),
                registry.best(PluginQuery.id("hello")).orElseThrow().version());
        assertEquals(
                Version.parseVersion("1.0.0"),
                registry.best(PluginQuery.id("hello").withVersions("[1.0,1.1)"))
                        .orElseThrow()
                        .version());
        try (PluginService<Greeter> greeter =
                registry.acquire(PluginQuery.id("hello"), Greeter.class).orElseThrow()) {
            assertEquals("Hello, Ada, from hello 1.1.0", greeter.get().greet("Ada"));
        }
        try (PluginService<Greeter> greeter = registry.acquire(
                        PluginQuery.id("hello").withVersions("[1.0,1.1)"), Greeter.class)
                .orElseThrow()) {
            assertEquals("Hello, Ada, from hello 1.0.0", greeter.get().greet("Ada"));
        }
    }

    @Test
    void equalVersions_tieIsBrokenByServiceRanking() throws Exception {
        ServiceRegistration<Greeter> low = register("tie", 5, "low");
        ServiceRegistration<Greeter> high = register("tie", 10, "high");
        ServiceRegistration<Greeter> lowAgain = register("tie", 5, "low again");
        try {
            listener.await(
                    "three tie plugins",
                    e -> registry.find(PluginQuery.id("tie")).size() == 3);
            try (PluginService<Greeter> greeter =
                    registry.acquire(PluginQuery.id("tie"), Greeter.class).orElseThrow()) {
                assertEquals("high", greeter.get().greet("x"));
            }
            List<PluginInfo> order = registry.find(PluginQuery.id("tie"));
            assertEquals(
                    List.of(10, 5, 5), order.stream().map(PluginInfo::ranking).toList());
            // Between equal rankings the service registered first wins, as in the OSGi service registry.
            assertTrue(order.get(1).serviceId() < order.get(2).serviceId());
        } finally {
            low.unregister();
            high.unregister();
            lowAgain.unregister();
        }
    }

    private ServiceRegistration<Greeter> register(String id, int ranking, String greeting) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(PluginProperties.ID, id);
        properties.put(PluginProperties.CAPABILITY, "greeter");
        properties.put(PluginProperties.VERSION, "3.0.0");
        properties.put(PluginProperties.ABI, Abi.RANGE);
        properties.put(Constants.SERVICE_RANKING, ranking);
        return context.registerService(Greeter.class, name -> greeting, properties);
    }

    private static List<String> ids(List<PluginInfo> plugins) {
        return plugins.stream().map(PluginInfo::id).toList();
    }

    private static List<String> versions(List<PluginInfo> plugins) {
        return plugins.stream().map(plugin -> plugin.version().toString()).toList();
    }
}

package dev.parallax.itests;

import static dev.parallax.itests.RecordingListener.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.plugin.PluginEvent;
import dev.parallax.api.plugin.PluginEvent.Type;
import dev.parallax.api.plugin.PluginListener;
import dev.parallax.api.plugin.PluginQuery;
import dev.parallax.api.plugin.PluginRegistry;
import dev.parallax.api.plugin.PluginService;
import dev.parallax.itests.greeter.Greeter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/** A misbehaving plugin or listener never takes the runtime or the other plugins down. */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class FaultIsolationTest {
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
    void pluginWhoseActivationThrows_isRejectedAndTheOthersAreUsed() throws Exception {
        fixtures.start(Fixtures.HELLO);
        Bundle faulty = fixtures.start(Fixtures.FAULTY);
        listener.await("ADDED faulty 9.0.0", event(Type.ADDED, "faulty", "9.0.0"));

        // The faulty plugin has the highest version, so it is tried first; its failure must not surface here.
        try (PluginService<Greeter> greeter = registry.acquire(PluginQuery.capability("greeter"), Greeter.class)
                .orElseThrow()) {
            assertEquals("Hello, Ada, from hello 1.0.0", greeter.get().greet("Ada"));
        }
        PluginEvent rejected = listener.await(
                "REJECTED faulty",
                e -> e.type() == Type.REJECTED && e.rejection().pluginId().equals("faulty"));
        assertTrue(rejected.rejection().reason().contains("failed to activate"), rejected.toString());
        assertEquals(Bundle.ACTIVE, faulty.getState(), "a failed component does not stop its bundle");
        assertTrue(registry.find(PluginQuery.id("faulty")).isEmpty());

        // The runtime goes on accepting plugins.
        fixtures.start(Fixtures.HELLO_NEXT);
        listener.await("ADDED hello 1.1.0", event(Type.ADDED, "hello", "1.1.0"));
        try (PluginService<Greeter> greeter = registry.acquire(PluginQuery.capability("greeter"), Greeter.class)
                .orElseThrow()) {
            assertEquals("Hello, Ada, from hello 1.1.0", greeter.get().greet("Ada"));
        }
    }

    @Test
    void throwingAndStuckListeners_neitherBlockTheRegistryNorOtherListeners() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        PluginListener stuck = event -> {
            try {
                release.await(); // stuck until the test ends
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        PluginListener throwing = event -> {
            throw new IllegalStateException("listener fails on purpose");
        };
        ServiceRegistration<PluginListener> stuckRegistration =
                context.registerService(PluginListener.class, stuck, null);
        ServiceRegistration<PluginListener> throwingRegistration =
                context.registerService(PluginListener.class, throwing, null);
        try {
            // If delivery were synchronous, starting the plugin would hang on the stuck listener and this would
            // never return; the recording listener must hear every event in spite of its two neighbours.
            Bundle hello = fixtures.start(Fixtures.HELLO);
            listener.await("ADDED hello 1.0.0", event(Type.ADDED, "hello", "1.0.0"));
            fixtures.uninstall(hello);
            listener.await("REMOVED hello 1.0.0", event(Type.REMOVED, "hello", "1.0.0"));
            fixtures.start(Fixtures.HELLO_NEXT);
            listener.await(
                    "ADDED hello 1.1.0 after the throwing listener threw twice", event(Type.ADDED, "hello", "1.1.0"));
        } finally {
            release.countDown();
            assertTrue(release.await(1, TimeUnit.SECONDS));
            stuckRegistration.unregister();
            throwingRegistration.unregister();
        }
    }
}

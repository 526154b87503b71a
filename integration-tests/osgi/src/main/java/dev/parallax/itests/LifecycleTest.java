package dev.parallax.itests;

import static dev.parallax.itests.RecordingListener.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.plugin.PluginEvent.Type;
import dev.parallax.api.plugin.PluginQuery;
import dev.parallax.api.plugin.PluginRegistry;
import dev.parallax.api.plugin.PluginService;
import dev.parallax.itests.greeter.Greeter;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/** Plugins are installed, updated and uninstalled while the runtime runs, and leave nothing behind. */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class LifecycleTest {
    /** As many cycles as the foundation issue asks for: enough for a leak of one class loader a cycle to show. */
    private static final int CYCLES = 300;

    @InjectBundleContext
    BundleContext context;

    @InjectService
    PluginRegistry registry;

    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(context);
    }

    @AfterEach
    void tearDown() throws Exception {
        fixtures.close();
    }

    @Test
    void installUpdateUninstall_whileRunning_areSeenByTheRegistry() throws Exception {
        try (RecordingListener listener = new RecordingListener(context)) {
            Bundle hello = fixtures.start(Fixtures.HELLO);
            listener.await("ADDED hello 1.0.0", event(Type.ADDED, "hello", "1.0.0"));
            assertEquals("Hello, Ada, from hello 1.0.0", greet());

            fixtures.update(hello, Fixtures.HELLO_NEXT);
            listener.await("REMOVED hello 1.0.0", event(Type.REMOVED, "hello", "1.0.0"));
            listener.await("ADDED hello 1.1.0", event(Type.ADDED, "hello", "1.1.0"));
            assertEquals("Hello, Ada, from hello 1.1.0", greet());
            assertEquals(1, registry.find(PluginQuery.id("hello")).size());

            fixtures.uninstall(hello);
            listener.await("REMOVED hello 1.1.0", event(Type.REMOVED, "hello", "1.1.0"));
            assertTrue(registry.find(PluginQuery.id("hello")).isEmpty());
        }
    }

    @Test
    void manyInstallUpdateUninstallCycles_leaveNoPluginClassLoadedAndNoExtraThread() throws Exception {
        cycle(new ArrayList<>()); // warm up: the framework's and the JDK's own lazily started threads
        Set<String> threadsBefore = platformThreads();

        List<WeakReference<Class<?>>> pluginClasses = new ArrayList<>();
        for (int i = 0; i < CYCLES; i++) {
            cycle(pluginClasses);
        }

        assertEquals(2 * CYCLES, pluginClasses.size());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long loaded;
        do {
            System.gc();
            Thread.sleep(100);
            loaded = pluginClasses.stream()
                    .filter(reference -> reference.get() != null)
                    .count();
        } while (loaded > 0 && System.nanoTime() < deadline);
        assertEquals(0, loaded, "plugin classes still loaded after " + CYCLES + " cycles");

        Set<String> extra = waitForThreadsToSettle(threadsBefore);
        assertTrue(extra.isEmpty(), "threads left behind: " + extra);
    }

    /** Install and start 1.0.0, use it, update to 1.1.0, use it, uninstall and refresh. */
    private void cycle(List<WeakReference<Class<?>>> pluginClasses) throws Exception {
        Bundle hello = fixtures.start(Fixtures.HELLO);
        pluginClasses.add(new WeakReference<>(use("1.0.0")));
        fixtures.update(hello, Fixtures.HELLO_NEXT);
        pluginClasses.add(new WeakReference<>(use("1.1.0")));
        fixtures.uninstall(hello);
        assertTrue(registry.find(PluginQuery.id("hello")).isEmpty());
    }

    /** Waits until the plugin's version is there, greets through it and returns its implementation class. */
    private Class<?> use(String version) throws InterruptedException {
        PluginQuery query = PluginQuery.id("hello").withVersions("[" + version + "," + version + "]");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (registry.best(query).isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "hello " + version + " did not appear within 10 s");
            Thread.sleep(1);
        }
        try (PluginService<Greeter> greeter =
                registry.acquire(query, Greeter.class).orElseThrow()) {
            assertEquals("Hello, Ada, from hello " + version, greeter.get().greet("Ada"));
            return greeter.get().getClass();
        }
    }

    private String greet() {
        try (PluginService<Greeter> greeter =
                registry.acquire(PluginQuery.id("hello"), Greeter.class).orElseThrow()) {
            return greeter.get().greet("Ada");
        }
    }

    /** Threads started during the cycles that are still alive, after giving finishing ones a few seconds. */
    private static Set<String> waitForThreadsToSettle(Set<String> before) throws InterruptedException {
        Set<String> extra = Set.of();
        for (int attempt = 0; attempt < 50; attempt++) {
            extra = platformThreads().stream()
                    .filter(thread -> !before.contains(thread))
                    .collect(Collectors.toSet());
            if (extra.isEmpty()) {
                break;
            }
            Thread.sleep(100);
        }
        return extra;
    }

    /** Live platform threads by id and name (virtual threads are not listed by the JVM, and cost nothing idle). */
    private static Set<String> platformThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                // The JDK's virtual-thread carriers come and go with the scheduler's load, not with plugins.
                .filter(thread -> !thread.getName().startsWith("ForkJoinPool-1-worker-"))
                .map(thread -> thread.threadId() + ":" + thread.getName())
                .collect(Collectors.toSet());
    }
}

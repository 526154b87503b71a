package dev.parallax.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.parallax.api.deploy.DeployFolder;
import dev.parallax.api.pipeline.ElementStats;
import dev.parallax.api.pipeline.Pipeline;
import dev.parallax.api.pipeline.PipelineEvent;
import dev.parallax.api.pipeline.PipelineState;
import dev.parallax.api.pipeline.Pipelines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Hot swap inside a real framework: a pipeline runs the stamp fixture's elements while their bundle is replaced by a
 * newer version, through the deploy folder (installed beside, then the old one uninstalled) or by an update in place;
 * the registry chooses the new version and the engine moves the running nodes to it.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
@Timeout(60)
class HotSwapTest {
    private static final String LOCATION = "parallax:deploy/";

    /** 200 buffers at 10 ms: 2 s of stream, several times what an update takes from drop to chosen here. */
    private static final int BUFFERS = 200;

    @InjectBundleContext
    BundleContext context;

    @InjectService
    Pipelines pipelines;

    @InjectService
    ConfigurationAdmin configurationAdmin;

    Fixtures fixtures;
    Path stamps;
    Path folder;
    Configuration configuration;

    @BeforeEach
    void setUp() throws Exception {
        fixtures = new Fixtures(context);
        stamps = Files.createTempFile("parallax-stamps", ".txt");
    }

    /** Watches a folder of its own with the deploy folder, configured as the launcher configures it. */
    private void deployFolder() throws Exception {
        folder = Files.createTempDirectory("parallax-swap");
        configuration = configurationAdmin.getConfiguration("dev.parallax.deploy", "?");
        configuration.update(new Hashtable<>(Map.of("directory", folder.toString(), "settle", "50")));
        ServiceTracker<DeployFolder, DeployFolder> tracker = new ServiceTracker<>(context, DeployFolder.class, null);
        tracker.open();
        try {
            assertTrue(
                    tracker.waitForService(TimeUnit.SECONDS.toMillis(10)) != null, "the deploy folder did not start");
        } finally {
            tracker.close();
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        fixtures.close();
        Files.deleteIfExists(stamps);
        if (configuration == null) {
            return;
        }
        configuration.delete();
        await("the deploy folder to stop", () -> context.getServiceReference(DeployFolder.class) == null);
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getLocation().startsWith(LOCATION)) {
                bundle.uninstall();
            }
        }
        fixtures.refresh();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void replacedJar_movesTheRunningPipelineToTheNewVersion_withoutLosingABuffer() throws Exception {
        deployFolder();
        Jars.drop(Jars.fixture(Fixtures.STAMP), folder.resolve("stamp.jar"));
        runWhileUpdating(() -> Jars.drop(Jars.fixture(Fixtures.STAMP_NEXT), folder.resolve("stamp.jar")));
    }

    @Test
    void bundleUpdatedInPlace_movesTheRunningPipelineToTheNewVersion_withoutLosingABuffer() throws Exception {
        Bundle stamp = fixtures.start(Fixtures.STAMP);
        runWhileUpdating(() -> fixtures.update(stamp, Fixtures.STAMP_NEXT));
    }

    /**
     * Runs {@code testsrc ! stamp ! stamp-held ! filesink} with stamp 1.0.0, calls {@code update} once buffers
     * flow, and checks that the pipeline finishes with every buffer once, in order, each element switching once from
     * 1.0.0 to 2.0.0 (stamp between two buffers, stamp-held drained and restarted) and saying so.
     */
    private void runWhileUpdating(Update update) throws Exception {
        await(
                "stamp 1.0.0",
                () -> pipelines.element("stamp").isPresent()
                        && pipelines.element("stamp-held").isPresent());
        List<PipelineEvent> events = new CopyOnWriteArrayList<>();
        try (Pipeline pipeline = pipelines.parse("testsrc num-buffers=" + BUFFERS + " size=32 refill=true"
                + " ! stamp pause-ms=10 ! stamp-held ! filesink name=out location=" + stamps)) {
            pipeline.subscribe(events::add);
            pipeline.start();
            await("10 buffers at the sink", () -> sink(pipeline).buffersIn() >= 10);

            update.run();

            assertEquals(PipelineState.FINISHED, pipeline.await(Duration.ofSeconds(30)), events::toString);
            await("both swaps to be reported", () -> swaps(events).size() == 2);
            assertEquals(
                    List.of(
                            new PipelineEvent.Swapped(pipeline.name(), "stamp-held0", "1.0.0", "2.0.0", true),
                            new PipelineEvent.Swapped(pipeline.name(), "stamp0", "1.0.0", "2.0.0", false)),
                    swaps(events).stream()
                            .sorted(Comparator.comparing(PipelineEvent.Swapped::element))
                            .toList());
            for (ElementStats element : pipeline.stats()) {
                assertEquals(BUFFERS, element.buffersIn(), element.toString());
                if (element.element().startsWith("stamp")) {
                    // the node counts every buffer across the swap, runs the new version, and counts one restart
                    assertEquals("2.0.0", element.version(), element.toString());
                    assertEquals(1, element.restarts(), element.toString());
                }
            }
        }
        StampLog log = StampLog.of(Files.readAllBytes(stamps));
        log.assertEveryBufferOnceInOrder(BUFFERS);
        log.switchPoint(0, "1.0.0", "2.0.0");
        log.switchPoint(1, "1.0.0", "2.0.0");
    }

    /** Replaces the stamp plugin by its next version. */
    private interface Update {
        void run() throws Exception;
    }

    private static ElementStats sink(Pipeline pipeline) {
        return pipeline.stats().stream()
                .filter(element -> element.element().equals("out"))
                .findFirst()
                .orElseThrow();
    }

    private static List<PipelineEvent.Swapped> swaps(List<PipelineEvent> events) {
        return events.stream()
                .filter(PipelineEvent.Swapped.class::isInstance)
                .map(PipelineEvent.Swapped.class::cast)
                .toList();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Waited 15 s for " + what);
            }
            Thread.sleep(10);
        }
    }
}

package dev.parallax.core.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.pipeline.ElementDescription;
import dev.parallax.api.pipeline.ElementFactory;
import dev.parallax.api.pipeline.ElementStats;
import dev.parallax.api.pipeline.Pipeline;
import dev.parallax.api.pipeline.PipelineEvent;
import dev.parallax.api.pipeline.PipelineState;
import dev.parallax.api.plugin.Abi;
import dev.parallax.api.plugin.PluginDescriptor;
import dev.parallax.api.plugin.PluginEvent;
import dev.parallax.api.plugin.PluginInfo;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * The engine as the registry's listener: which plugin events move a running pipeline's nodes to another version of
 * their element, as the registry reports them for an update beside the running bundle and for one in place.
 */
@Timeout(30)
class PipelinesImplSwapTest {
    private static final PluginInfo V1 = identity("1.0.0", 101);
    private static final PluginInfo V2 = identity("2.0.0", 102);
    private static final PluginInfo V0 = identity("0.5.0", 100);

    private final SwitchableCatalog catalog = new SwitchableCatalog();
    private final PipelinesImpl pipelines = new PipelinesImpl(catalog, PipelinesImplTest.memory());
    private final List<PipelineEvent> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void deactivate() {
        pipelines.deactivate();
    }

    @Test
    void newerVersionBeside_replacedEvent_movesTheRunningNode() throws InterruptedException {
        // the registry's events when 2.0.0 is installed beside the running 1.0.0 and chosen
        List<PipelineEvent.Swapped> swaps = runWhile(() -> {
            catalog.chosen = V2;
            pipelines.pluginChanged(PluginEvent.added(V2));
            pipelines.pluginChanged(PluginEvent.replaced(V1, V2));
        });

        assertEquals(List.of(new PipelineEvent.Swapped("pipeline0", "identity0", "1.0.0", "2.0.0", false)), swaps);
    }

    @Test
    void updateInPlace_removedThenAdded_movesTheRunningNode() throws InterruptedException {
        // the registry's events when the running bundle is updated in place: the old service goes, then the new one
        // comes, and no REPLACED is reported since no other version was there in between
        List<PipelineEvent.Swapped> swaps = runWhile(() -> {
            catalog.chosen = null;
            pipelines.pluginChanged(PluginEvent.removed(V1));
            catalog.chosen = V2;
            pipelines.pluginChanged(PluginEvent.added(V2));
        });

        assertEquals(List.of(new PipelineEvent.Swapped("pipeline0", "identity0", "1.0.0", "2.0.0", false)), swaps);
    }

    @Test
    void olderVersionAdded_whileTheRunningOneStaysChosen_movesNothing() throws InterruptedException {
        List<PipelineEvent.Swapped> swaps = runWhile(() -> pipelines.pluginChanged(PluginEvent.added(V0)));

        assertEquals(List.of(), swaps);
    }

    /**
     * Runs {@code testsrc ! identity ! fakesink} on identity 1.0.0, posts {@code change} once buffers flow, lets a
     * few more buffers through identity (each a boundary where an offered swap is taken), stops, and returns the
     * swaps the pipeline reported.
     */
    private List<PipelineEvent.Swapped> runWhile(Runnable change) throws InterruptedException {
        try (Pipeline pipeline = pipelines.parse("testsrc size=64 ! identity ! fakesink")) {
            pipeline.subscribe(events::add);
            pipeline.start();
            awaitBuffersAtIdentity(pipeline, 1);
            change.run();
            awaitBuffersAtIdentity(pipeline, identityIn(pipeline) + 2);
            pipeline.stop();
            assertEquals(PipelineState.FINISHED, pipeline.await(Duration.ofSeconds(10)));
        }
        // the listener gets events in order: once it has the end of the stream, it has every swap before it
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (events.stream().noneMatch(PipelineEvent.EndOfStream.class::isInstance)) {
            assertTrue(System.nanoTime() < deadline, "no end of stream within 10 s: " + events);
            Thread.sleep(1);
        }
        return events.stream()
                .filter(PipelineEvent.Swapped.class::isInstance)
                .map(PipelineEvent.Swapped.class::cast)
                .toList();
    }

    private static long identityIn(Pipeline pipeline) {
        return pipeline.stats().stream()
                .filter(element -> element.element().equals("identity0"))
                .mapToLong(ElementStats::buffersIn)
                .sum();
    }

    private static void awaitBuffersAtIdentity(Pipeline pipeline, long count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (identityIn(pipeline) < count) {
            assertTrue(System.nanoTime() < deadline, "identity0 saw fewer than " + count + " buffers within 10 s");
            Thread.sleep(1);
        }
    }

    private static PluginInfo identity(String version, long serviceId) {
        PluginDescriptor descriptor = new PluginDescriptor(
                "identity",
                Version.parseVersion(version),
                ElementFactory.CAPABILITY,
                new VersionRange(Abi.RANGE),
                "test identity",
                "Apache-2.0");
        return new PluginInfo(descriptor, serviceId, "test.identity", serviceId, 0);
    }

    /** The core elements, with {@code identity} provided by whichever plugin the test has the registry choose. */
    private static final class SwitchableCatalog implements ElementCatalog {
        private final StaticCatalog core = StaticCatalog.core();
        volatile PluginInfo chosen = V1;

        @Override
        public Optional<ResolvedFactory> resolve(String name) {
            PluginInfo plugin = chosen;
            if (!name.equals("identity")) {
                return core.resolve(name);
            }
            if (plugin == null) {
                return Optional.empty();
            }
            ElementFactory factory = core.resolve(name).orElseThrow().factory();
            return Optional.of(ResolvedFactory.of(plugin, factory));
        }

        @Override
        public List<ElementDescription> elements() {
            return core.elements();
        }
    }
}

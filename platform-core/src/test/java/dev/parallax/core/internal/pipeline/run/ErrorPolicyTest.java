package dev.parallax.core.internal.pipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.pipeline.ElementContext;
import dev.parallax.api.pipeline.ElementStats;
import dev.parallax.api.pipeline.ErrorPolicy;
import dev.parallax.api.pipeline.PipelineEvent;
import dev.parallax.api.pipeline.PipelineState;
import dev.parallax.core.internal.pipeline.NodeSettings;
import dev.parallax.core.internal.pipeline.run.TestElements.Collector;
import dev.parallax.core.internal.pipeline.run.TestElements.Counter;
import dev.parallax.core.internal.pipeline.run.TestElements.Probe;
import dev.parallax.core.internal.pipeline.run.TestElements.Relay;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ErrorPolicyTest {
    private static final int COUNT = 100;

    private final PipelineRunner runner = Runs.runner();
    private final CountingPool pool = new CountingPool(TestElements.SIZE);
    private final Collector collector = new Collector(0);
    private final Recorder events = new Recorder();

    @AfterEach
    void close() {
        runner.close();
    }

    /** src ! [queue !] relay (failing on some buffers, with a policy) ! sink, started. */
    private RunningPipeline run(TestFactory relay, NodeSettings settings, boolean queued) {
        PlanBuilder plan = new PlanBuilder("policy");
        int src = plan.add(
                "src",
                TestElements.factory("counter", "1.0.0", true, p -> new Counter(pool::loan, new AtomicLong(), COUNT)));
        int before = src;
        if (queued) {
            before = plan.add("q", TestElements.queue(4));
            plan.link(src, before);
        }
        int r = plan.add("relay", relay, TestProperties.of("level", 3L), settings);
        plan.link(before, r)
                .link(r, plan.add("sink", TestElements.factory("collector", "1.0.0", true, p -> collector)));
        RunningPipeline pipeline = runner.create(plan.build());
        pipeline.subscribe(events);
        pipeline.start();
        return pipeline;
    }

    private static TestFactory relay(LongPredicate fails) {
        return TestElements.factory("relay", "1.0.0", true, p -> new Relay(0, fails));
    }

    private static List<Long> except(Set<Long> missing) {
        return LongStream.range(0, COUNT)
                .boxed()
                .filter(s -> !missing.contains(s))
                .toList();
    }

    private static ElementStats stats(RunningPipeline pipeline, String element) {
        return pipeline.stats().stream()
                .filter(s -> s.element().equals(element))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void fail_onABadBuffer_failsThePipelineNamingTheElementAndCause() throws Exception {
        TestFactory relay = relay(s -> s == 10);
        RunningPipeline pipeline = run(relay, Runs.onError(ErrorPolicy.FAIL, 10), true);

        assertEquals(PipelineState.FAILED, pipeline.await(Runs.PATIENCE));
        events.await(e -> e instanceof PipelineEvent.StateChanged s && s.to().isTerminal());
        List<PipelineEvent.Error> errors = events.of(PipelineEvent.Error.class);
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("relay", errors.getFirst().element());
        assertTrue(errors.getFirst().fatal());
        assertTrue(
                errors.getFirst().message().contains("refuses buffer 10"),
                errors.getFirst().message());
        assertEquals(except(Set.of()).subList(0, 10), collector.sequenceList());
        assertEquals(0, pool.handlesAlive(), pool.balance());
        assertEquals(1, ((Probe) relay.made().getFirst()).stops.get());
        assertEquals(1, collector.stops.get());
    }

    @Test
    void drop_ofBadBuffers_goesOnCountingAndReportingEach() throws Exception {
        RunningPipeline pipeline = run(relay(s -> s % 10 == 3), Runs.onError(ErrorPolicy.DROP, 10), false);

        assertEquals(PipelineState.FINISHED, pipeline.await(Runs.PATIENCE));
        Set<Long> dropped = Set.of(3L, 13L, 23L, 33L, 43L, 53L, 63L, 73L, 83L, 93L);
        assertEquals(except(dropped), collector.sequenceList());
        assertEquals(10, stats(pipeline, "relay").dropped());
        events.await(e -> e instanceof PipelineEvent.StateChanged s && s.to().isTerminal());
        List<PipelineEvent.Error> errors = events.of(PipelineEvent.Error.class);
        assertEquals(10, errors.size());
        assertTrue(errors.stream().noneMatch(PipelineEvent.Error::fatal));
        assertTrue(
                errors.getFirst().message().contains("refuses buffer 3"),
                errors.getFirst().message());
        assertEquals(0, pool.handlesAlive(), pool.balance());
        assertEquals(0, pool.doubleReleases(), pool.balance());
    }

    @Test
    void restart_afterFailuresInARow_doublesTheBackoffAndMakesFreshElementsWithTheSameProperties() throws Exception {
        // Three failures in a row (10, 11, 12: every new element fails again), then one alone (50): the waits are
        // 20, 40 and 80 ms, then 20 ms again once a buffer went through.
        TestFactory relay = relay(s -> s == 10 || s == 11 || s == 12 || s == 50);
        long begin = System.nanoTime();
        RunningPipeline pipeline = run(relay, Runs.onError(ErrorPolicy.RESTART, 20), true);

        assertEquals(PipelineState.FINISHED, pipeline.await(Runs.PATIENCE));
        assertTrue(System.nanoTime() - begin >= 160_000_000L, "the backoffs were waited");
        assertEquals(except(Set.of(10L, 11L, 12L, 50L)), collector.sequenceList());
        ElementStats stats = stats(pipeline, "relay");
        assertEquals(List.of(4L, 4), List.of(stats.dropped(), stats.restarts()));
        events.await(e -> e instanceof PipelineEvent.StateChanged s && s.to().isTerminal());
        List<String> waits = events.of(PipelineEvent.Error.class).stream()
                .map(e -> e.message().replaceAll(".*restarting in (\\d+) ms.*", "$1"))
                .toList();
        assertEquals(List.of("20", "40", "80", "20"), waits);
        assertEquals(5, relay.made().size(), "the plan's element and four fresh ones");
        assertTrue(relay.properties().stream().allMatch(p -> p.integer("level") == 3L));
        for (var element : relay.made()) {
            assertEquals(List.of(1, 1), List.of(((Probe) element).starts.get(), ((Probe) element).stops.get()));
        }
        assertEquals(0, pool.handlesAlive(), pool.balance());
    }

    @Test
    void failingStart_failsThePipelineAndStopsOnlyTheElementsStarted() throws Exception {
        TestFactory broken = TestElements.factory("broken", "1.0.0", true, p -> new Relay(0, s -> false) {
            @Override
            public void start(ElementContext context) throws Exception {
                super.start(context);
                throw new IllegalStateException("no device");
            }
        });
        TestFactory source =
                TestElements.factory("counter", "1.0.0", true, p -> new Counter(pool::loan, new AtomicLong(), COUNT));
        PlanBuilder plan = new PlanBuilder("unstartable");
        plan.chain(
                plan.add("src", source),
                plan.add("broken", broken),
                plan.add("sink", TestElements.factory("collector", "1.0.0", true, p -> collector)));
        RunningPipeline pipeline = runner.create(plan.build());
        pipeline.subscribe(events);
        pipeline.start();

        assertEquals(PipelineState.FAILED, pipeline.await(Runs.PATIENCE));
        events.await(e -> e instanceof PipelineEvent.Error);
        PipelineEvent.Error error = events.of(PipelineEvent.Error.class).getFirst();
        assertEquals("broken", error.element());
        assertTrue(
                error.message().contains("failed to start") && error.message().contains("no device"), error.message());
        assertEquals(List.of(1, 1), List.of(collector.starts.get(), collector.stops.get()), "the sink started first");
        Probe src = (Probe) source.made().getFirst();
        assertEquals(List.of(0, 0), List.of(src.starts.get(), src.stops.get()), "the source never started");
        assertEquals(0, pool.loans());
    }

    @Test
    void failingSource_withFailPolicy_failsThePipeline() throws Exception {
        TestFactory source = TestElements.factory(
                "counter",
                "1.0.0",
                true,
                p -> new Counter(
                        () -> {
                            throw new IllegalStateException("camera unplugged");
                        },
                        new AtomicLong(),
                        COUNT));
        PlanBuilder plan = new PlanBuilder("sourcefail");
        plan.chain(
                plan.add("src", source),
                plan.add("sink", TestElements.factory("collector", "1.0.0", true, p -> collector)));
        RunningPipeline pipeline = runner.create(plan.build());
        pipeline.subscribe(events);
        pipeline.start();

        assertEquals(PipelineState.FAILED, pipeline.await(Runs.PATIENCE));
        events.await(e -> e instanceof PipelineEvent.Error);
        PipelineEvent.Error error = events.of(PipelineEvent.Error.class).getFirst();
        assertEquals("src", error.element());
        assertTrue(error.message().contains("camera unplugged"), error.message());
    }
}

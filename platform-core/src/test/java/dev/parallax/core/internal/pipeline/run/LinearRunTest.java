package dev.parallax.core.internal.pipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.buffer.MemoryPool;
import dev.parallax.api.buffer.PoolConfig;
import dev.parallax.api.pipeline.ElementStats;
import dev.parallax.api.pipeline.PipelineEvent;
import dev.parallax.api.pipeline.PipelineState;
import dev.parallax.core.internal.pipeline.Plan;
import dev.parallax.core.internal.pipeline.run.TestElements.Collector;
import dev.parallax.core.internal.pipeline.run.TestElements.Counter;
import dev.parallax.core.internal.pipeline.run.TestElements.Probe;
import dev.parallax.core.internal.pipeline.run.TestElements.Relay;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LinearRunTest {
    private final PipelineRunner runner = Runs.runner();

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void sourceRelaysSink_onRealPool_deliversEveryBufferInOrderAndReturnsEverySlot() throws Exception {
        // 10,000 buffers through a pool of 8 slots: each slot is loaned over a thousand times, so a lost release
        // would exhaust the pool and stall the source.
        int count = 10_000;
        try (MemoryPool pool = Runs.memory().createPool(PoolConfig.of("linear", 8, TestElements.SIZE))) {
            TestFactory source = TestElements.factory(
                    "counter", "1.0.0", true, p -> new Counter(pool::loan, new AtomicLong(), count));
            TestFactory relay = TestElements.factory("relay", "1.0.0", true, p -> new Relay(7, s -> false));
            Collector sink = new Collector(0);
            TestFactory sinks = TestElements.factory("collector", "1.0.0", true, p -> sink);
            PlanBuilder plan = new PlanBuilder("linear");
            plan.chain(plan.add("src", source), plan.add("a", relay), plan.add("b", relay), plan.add("sink", sinks));
            RunningPipeline pipeline = runner.create(plan.build());
            Recorder events = new Recorder();
            pipeline.subscribe(events);

            pipeline.start();

            assertEquals(PipelineState.FINISHED, pipeline.await(Runs.PATIENCE));
            assertEquals(LongStream.range(0, count).boxed().toList(), sink.sequenceList());
            assertTrue(sink.stamps.stream().allMatch(stamp -> stamp == 7), "every buffer went through the relays");
            assertEquals(0, pool.stats().inUse(), "every slot is back");
            assertEquals(1, sink.ends.get());
            assertNotNull(
                    events.await(e -> e instanceof PipelineEvent.StateChanged s && s.to() == PipelineState.FINISHED));
            assertEquals(
                    List.of(
                            new PipelineEvent.StateChanged("linear", PipelineState.CREATED, PipelineState.RUNNING),
                            new PipelineEvent.StateChanged("linear", PipelineState.RUNNING, PipelineState.FINISHED)),
                    events.of(PipelineEvent.StateChanged.class));
            assertEquals(1, events.of(PipelineEvent.EndOfStream.class).size());
            for (TestFactory factory : List.of(source, relay, sinks)) {
                for (var element : factory.made()) {
                    assertEquals(1, ((Probe) element).starts.get(), "started once");
                    assertEquals(1, ((Probe) element).stops.get(), "stopped once");
                }
            }
        }
    }

    @Test
    void stats_countEveryBufferAndByte_perElement() throws Exception {
        int count = 1000;
        CountingPool pool = new CountingPool(TestElements.SIZE);
        PlanBuilder plan = new PlanBuilder("stats");
        plan.chain(
                plan.add(
                        "src",
                        TestElements.factory(
                                "counter", "1.2.3", true, p -> new Counter(pool::loan, new AtomicLong(), count))),
                plan.add("relay", TestElements.factory("relay", "2.0.0", true, p -> new Relay(0, s -> false))),
                plan.add("sink", TestElements.factory("collector", "1.0.0", true, p -> new Collector(0))));
        RunningPipeline pipeline = runner.create(plan.build());
        Recorder events = new Recorder();
        pipeline.subscribe(events);
        pipeline.start();
        assertEquals(PipelineState.FINISHED, pipeline.await(Runs.PATIENCE));

        List<ElementStats> stats = pipeline.stats();
        long bytes = (long) count * TestElements.SIZE;
        assertEquals(
                List.of("src", "relay", "sink"),
                stats.stream().map(ElementStats::element).toList());
        assertEquals(
                List.of("counter", "relay", "collector"),
                stats.stream().map(ElementStats::factory).toList());
        assertEquals(
                List.of("1.2.3", "2.0.0", "1.0.0"),
                stats.stream().map(ElementStats::version).toList());
        assertEquals(
                List.of((long) count, (long) count, (long) count),
                stats.stream().map(ElementStats::buffersIn).toList());
        assertEquals(
                List.of((long) count, (long) count, 0L),
                stats.stream().map(ElementStats::buffersOut).toList());
        assertEquals(
                List.of(bytes, bytes, bytes),
                stats.stream().map(ElementStats::bytesIn).toList());
        assertTrue(
                stats.stream().allMatch(s -> s.maxLatencyNanos() >= s.meanLatencyNanos() && s.maxLatencyNanos() > 0));
        assertTrue(stats.stream().allMatch(s -> s.dropped() == 0 && s.restarts() == 0));
        events.await(e -> e instanceof PipelineEvent.StateChanged s && s.to().isTerminal());
        PipelineEvent.Stats last = events.of(PipelineEvent.Stats.class).getLast();
        assertEquals(stats, last.elements(), "the final statistics are posted");
        assertEquals(0, pool.handlesAlive(), pool.balance());
    }

    @Test
    void renderers_getTheRunningPlanAndState() throws Exception {
        CountingPool pool = new CountingPool(TestElements.SIZE);
        PlanBuilder builder = new PlanBuilder("drawn");
        builder.chain(
                builder.add(
                        "src",
                        TestElements.factory(
                                "counter", "1.0.0", true, p -> new Counter(pool::loan, new AtomicLong(), 1))),
                builder.add("sink", TestElements.factory("collector", "1.0.0", true, p -> new Collector(0))));
        Plan plan = builder.build();
        RunningPipeline pipeline = runner.create(plan);
        assertEquals("digraph drawn [1.0.0, 1.0.0] CREATED", pipeline.toDot());
        assertEquals("{\"name\":\"drawn\",\"state\":\"CREATED\"}", pipeline.toJson());
        assertEquals("drawn", pipeline.name());
        assertEquals(plan.description(), pipeline.description());
        assertTrue(pipeline.startedAt().isEmpty());
        pipeline.start();
        assertEquals(PipelineState.FINISHED, pipeline.await(Runs.PATIENCE));
        assertTrue(pipeline.startedAt().isPresent());
        assertEquals("{\"name\":\"drawn\",\"state\":\"FINISHED\"}", pipeline.toJson());
    }

    @Test
    void start_twice_isRefusedNamingThePipeline() throws Exception {
        CountingPool pool = new CountingPool(TestElements.SIZE);
        PlanBuilder plan = new PlanBuilder("once");
        plan.chain(
                plan.add(
                        "src",
                        TestElements.factory(
                                "counter", "1.0.0", true, p -> new Counter(pool::loan, new AtomicLong(), 3))),
                plan.add("sink", TestElements.factory("collector", "1.0.0", true, p -> new Collector(0))));
        RunningPipeline pipeline = runner.create(plan.build());
        pipeline.start();
        IllegalStateException error = assertThrows(IllegalStateException.class, pipeline::start);
        assertTrue(error.getMessage().contains("'once' was started before"), error.getMessage());
        assertEquals(PipelineState.FINISHED, pipeline.await(Runs.PATIENCE));
    }

    @Test
    void close_closesEveryFactoryOnce() throws Exception {
        CountingPool pool = new CountingPool(TestElements.SIZE);
        TestFactory source =
                TestElements.factory("counter", "1.0.0", true, p -> new Counter(pool::loan, new AtomicLong(), 3));
        TestFactory relay = TestElements.factory("relay", "1.0.0", true, p -> new Relay(0, s -> false));
        TestFactory sink = TestElements.factory("collector", "1.0.0", true, p -> new Collector(0));
        PlanBuilder plan = new PlanBuilder("closing");
        plan.chain(plan.add("src", source), plan.add("a", relay), plan.add("b", relay), plan.add("sink", sink));
        RunningPipeline pipeline = runner.create(plan.build());
        pipeline.start();
        assertEquals(PipelineState.FINISHED, pipeline.await(Runs.PATIENCE));
        assertEquals(0, relay.closes(), "kept open while the pipeline lives");
        pipeline.close();
        pipeline.close();
        assertEquals(List.of(1, 1, 1), List.of(source.closes(), relay.closes(), sink.closes()));
    }

    private static void assertNotNull(Object value) {
        org.junit.jupiter.api.Assertions.assertNotNull(value, "the event came");
    }
}

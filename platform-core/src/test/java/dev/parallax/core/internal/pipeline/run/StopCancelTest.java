package dev.parallax.core.internal.pipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.MemoryPool;
import dev.parallax.api.buffer.PoolConfig;
import dev.parallax.api.pipeline.ElementContext;
import dev.parallax.api.pipeline.Output;
import dev.parallax.api.pipeline.PipelineEvent;
import dev.parallax.api.pipeline.PipelineState;
import dev.parallax.api.pipeline.Source;
import dev.parallax.core.internal.pipeline.run.TestElements.Collector;
import dev.parallax.core.internal.pipeline.run.TestElements.Hang;
import dev.parallax.core.internal.pipeline.run.TestElements.HangingSource;
import dev.parallax.core.internal.pipeline.run.TestElements.Probe;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StopCancelTest {
    private final PipelineRunner runner = Runs.runner();
    private final CountingPool pool = new CountingPool(TestElements.SIZE);

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void stop_ofAnEndlessSource_endsTheStreamAndDeliversWhatWasInFlight() throws Exception {
        Collector collector = new Collector(0);
        Recorder events = new Recorder();
        PlanBuilder plan = new PlanBuilder("endless");
        plan.chain(
                plan.add("src", TestElements.endless(pool::loan)),
                plan.add("q", TestElements.queue(16)),
                plan.add("sink", TestElements.factory("collector", "1.0.0", true, p -> collector)));
        RunningPipeline pipeline = runner.create(plan.build());
        pipeline.subscribe(events);
        pipeline.start();
        while (collector.sequences.size() < 1000) {
            Thread.sleep(1);
        }

        pipeline.stop();

        assertEquals(PipelineState.FINISHED, pipeline.await(Runs.PATIENCE));
        List<Long> got = collector.sequenceList();
        assertEquals(LongStream.range(0, got.size()).boxed().toList(), got, "none lost, none twice, in order");
        assertEquals(1, collector.ends.get());
        assertEquals(0, pool.handlesAlive(), pool.balance());
        events.await(e -> e instanceof PipelineEvent.StateChanged s && s.to().isTerminal());
        assertEquals(
                List.of(PipelineState.RUNNING, PipelineState.STOPPING, PipelineState.FINISHED),
                events.of(PipelineEvent.StateChanged.class).stream()
                        .map(PipelineEvent.StateChanged::to)
                        .toList());
        assertEquals(1, events.of(PipelineEvent.EndOfStream.class).size());
    }

    @Test
    void cancel_withSourceBlockedInProduceAndSinkInProcess_endsWithinASecond() throws Exception {
        HangingSource source = new HangingSource(true, pool::loan);
        Hang sink = new Hang(true);
        PlanBuilder plan = new PlanBuilder("blocked");
        plan.chain(
                plan.add("src", TestElements.factory("hanging", "1.0.0", true, p -> source)),
                plan.add("q", TestElements.queue(4)),
                plan.add("sink", TestElements.factory("hang", "1.0.0", true, p -> sink)));
        RunningPipeline pipeline = runner.create(plan.build());
        pipeline.start();
        assertTrue(source.hang.entered.await(10, TimeUnit.SECONDS));
        assertTrue(sink.entered.await(10, TimeUnit.SECONDS));

        pipeline.cancel();

        assertEquals(PipelineState.CANCELLED, pipeline.await(Duration.ofSeconds(1)));
        assertEquals(List.of(1, 1), List.of(source.hang.interrupts.get(), sink.interrupts.get()));
        assertEquals(List.of(1, 1), List.of(source.stops.get(), sink.stops.get()));
        assertEquals(0, pool.handlesAlive(), pool.balance());
    }

    @Test
    void cancel_withAFullQueue_releasesTheBuffersInTheChannel() throws Exception {
        Hang sink = new Hang(true);
        PlanBuilder plan = new PlanBuilder("full");
        plan.chain(
                plan.add("src", TestElements.endless(pool::loan)),
                plan.add("q", TestElements.queue(16)),
                plan.add("sink", TestElements.factory("hang", "1.0.0", true, p -> sink)));
        RunningPipeline pipeline = runner.create(plan.build());
        pipeline.start();
        assertTrue(sink.entered.await(10, TimeUnit.SECONDS));
        while (pool.loansAlive() < 16) {
            Thread.sleep(1); // the source fills the queue and waits
        }

        pipeline.cancel();

        assertEquals(PipelineState.CANCELLED, pipeline.await(Duration.ofSeconds(1)));
        assertEquals(0, pool.handlesAlive(), pool.balance());
        assertEquals(0, pool.doubleReleases(), pool.balance());
    }

    @Test
    void cancel_beforeStart_endsCancelledWithoutStartingAnything() throws Exception {
        TestFactory sink = TestElements.factory("collector", "1.0.0", true, p -> new Collector(0));
        PlanBuilder plan = new PlanBuilder("never");
        plan.chain(plan.add("src", TestElements.endless(pool::loan)), plan.add("sink", sink));
        RunningPipeline pipeline = runner.create(plan.build());
        Recorder events = new Recorder();
        pipeline.subscribe(events);

        pipeline.cancel();
        pipeline.cancel();

        assertEquals(PipelineState.CANCELLED, pipeline.await(Duration.ofSeconds(1)));
        assertEquals(0, ((Probe) sink.made().getFirst()).starts.get());
        assertEquals(0, ((Probe) sink.made().getFirst()).stops.get());
        events.await(e -> e instanceof PipelineEvent.StateChanged);
        assertEquals(
                List.of(new PipelineEvent.StateChanged("never", PipelineState.CREATED, PipelineState.CANCELLED)),
                events.of(PipelineEvent.StateChanged.class));
    }

    @Test
    void close_whileRunning_cancelsAndClosesTheFactoriesOnceOver() throws Exception {
        Hang sink = new Hang(true);
        TestFactory sinkFactory = TestElements.factory("hang", "1.0.0", true, p -> sink);
        TestFactory source = TestElements.endless(pool::loan);
        PlanBuilder plan = new PlanBuilder("closed");
        plan.chain(plan.add("src", source), plan.add("sink", sinkFactory));
        RunningPipeline pipeline = runner.create(plan.build());
        pipeline.start();
        assertTrue(sink.entered.await(10, TimeUnit.SECONDS));

        pipeline.close();

        assertEquals(PipelineState.CANCELLED, pipeline.await(Duration.ofSeconds(1)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sinkFactory.closes() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(1); // the supervisor closes them right after the end
        }
        assertEquals(List.of(1, 1), List.of(source.closes(), sinkFactory.closes()));
        assertEquals(0, pool.handlesAlive(), pool.balance());
    }

    /** A source that lends from a pool of its own, made at start and closed at stop, as a file or camera source does. */
    private static final class OwnPoolSource extends Probe implements Source {
        private final List<String> stopOrder;
        private MemoryPool pool;
        private long next;

        OwnPoolSource(List<String> stopOrder) {
            this.stopOrder = stopOrder;
        }

        @Override
        public void start(ElementContext context) throws Exception {
            super.start(context);
            pool = context.memory().createPool(PoolConfig.of(context.name() + "-own", 32, TestElements.SIZE));
        }

        @Override
        public boolean produce(Output output) throws InterruptedException {
            if (next == 200) {
                return false;
            }
            Buffer buffer = pool.loan();
            buffer.segment().set(ValueLayout.JAVA_LONG_UNALIGNED, 0, next++);
            output.push(buffer);
            return true;
        }

        @Override
        public void stop() {
            super.stop();
            stopOrder.add("src");
            pool.close(); // buffers still lent fail from now on
        }
    }

    @Test
    void end_stopsElementsOnlyOnceEveryThreadIsDone_sinksFirst() throws Exception {
        // The source ends with buffers of its own pool still queued for a slow sink: stopping it when its own
        // thread is done would close the pool under them, and the sink would fail to read them.
        List<String> stopOrder = new CopyOnWriteArrayList<>();
        Collector slow = new Collector(1) {
            @Override
            public void stop() {
                super.stop();
                stopOrder.add("sink");
            }
        };
        PlanBuilder plan = new PlanBuilder("ownpool");
        plan.chain(
                plan.add("src", TestElements.factory("ownpool", "1.0.0", true, p -> new OwnPoolSource(stopOrder))),
                plan.add("q", TestElements.queue(16)),
                plan.add("sink", TestElements.factory("collector", "1.0.0", true, p -> slow)));
        RunningPipeline pipeline = runner.create(plan.build());
        pipeline.start();

        assertEquals(PipelineState.FINISHED, pipeline.await(Runs.PATIENCE));
        assertEquals(LongStream.range(0, 200).boxed().toList(), slow.sequenceList());
        assertEquals(List.of("sink", "src"), stopOrder);
    }
}

package dev.parallax.core.internal.pipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.pipeline.ElementContext;
import dev.parallax.api.pipeline.Output;
import dev.parallax.api.pipeline.PipelineEvent;
import dev.parallax.api.pipeline.PipelineListener;
import dev.parallax.api.pipeline.PipelineState;
import dev.parallax.core.internal.pipeline.run.TestElements.Collector;
import dev.parallax.core.internal.pipeline.run.TestElements.Counter;
import dev.parallax.core.internal.pipeline.run.TestElements.Probe;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BusTest {
    private final PipelineRunner runner = Runs.runner();
    private final CountingPool pool = new CountingPool(TestElements.SIZE);

    @AfterEach
    void close() {
        runner.close();
    }

    private RunningPipeline pipeline(String name, long count, Collector sink) {
        PlanBuilder plan = new PlanBuilder(name);
        plan.chain(
                plan.add(
                        "src",
                        TestElements.factory(
                                "counter", "1.0.0", true, p -> new Counter(pool::loan, new AtomicLong(), count))),
                plan.add("sink", TestElements.factory("collector", "1.0.0", true, p -> sink)));
        return runner.create(plan.build());
    }

    @Test
    void listenerBlockedForever_neverStallsTheBuffersNorOtherListeners() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger blockedCalls = new AtomicInteger();
        PipelineListener blocked = event -> {
            blockedCalls.incrementAndGet();
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Collector sink = new Collector(0);
        RunningPipeline pipeline = pipeline("isolated", 100_000, sink);
        pipeline.subscribe(blocked);
        Recorder events = new Recorder();
        pipeline.subscribe(events);

        pipeline.start();

        assertEquals(PipelineState.FINISHED, pipeline.await(Runs.PATIENCE));
        assertEquals(100_000, sink.sequences.size());
        assertNotNull(events.await(e -> e instanceof PipelineEvent.StateChanged s && s.to() == PipelineState.FINISHED));
        assertEquals(1, blockedCalls.get(), "still in its first event");
        List<PipelineEvent> heard = events.events();
        assertEquals(
                new PipelineEvent.StateChanged("isolated", PipelineState.CREATED, PipelineState.RUNNING),
                heard.getFirst());
        assertEquals(
                new PipelineEvent.StateChanged("isolated", PipelineState.RUNNING, PipelineState.FINISHED),
                heard.getLast());
        never.countDown();
    }

    @Test
    void throwingListener_stillGetsEveryEventInOrder() throws Exception {
        Recorder reference = new Recorder();
        Recorder thrower = new Recorder() {
            @Override
            public synchronized void onEvent(PipelineEvent event) {
                super.onEvent(event);
                throw new IllegalStateException("listener bug");
            }
        };
        RunningPipeline pipeline = pipeline("throwing", 100, new Collector(0));
        pipeline.subscribe(thrower);
        pipeline.subscribe(reference);
        pipeline.start();

        assertEquals(PipelineState.FINISHED, pipeline.await(Runs.PATIENCE));
        reference.await(e -> e instanceof PipelineEvent.StateChanged s && s.to().isTerminal());
        thrower.await(e -> e instanceof PipelineEvent.StateChanged s && s.to().isTerminal());
        assertEquals(reference.events(), thrower.events());
    }

    @Test
    void closedSubscription_getsNoLaterEvents() throws Exception {
        Recorder gone = new Recorder();
        RunningPipeline pipeline = pipeline("unsubscribed", 100, new Collector(0));
        AutoCloseable subscription = pipeline.subscribe(gone);
        subscription.close();
        pipeline.start();
        assertEquals(PipelineState.FINISHED, pipeline.await(Runs.PATIENCE));
        Thread.sleep(50); // delivery is asynchronous: give a wrongly queued event the time to arrive
        assertEquals(List.of(), gone.events());
    }

    @Test
    void longRun_postsStatisticsWhileRunning() throws Exception {
        Collector sink = new Collector(1);
        RunningPipeline pipeline = pipeline("periodic", Long.MAX_VALUE, sink);
        Recorder events = new Recorder();
        pipeline.subscribe(events);
        pipeline.start();

        PipelineEvent.Stats stats = (PipelineEvent.Stats) events.await(e -> e instanceof PipelineEvent.Stats);
        assertNotNull(stats);
        assertEquals(PipelineState.RUNNING, pipeline.state(), "posted while running");
        assertEquals(
                List.of("src", "sink"),
                stats.elements().stream().map(s -> s.element()).toList());
        assertTrue(stats.elements().getLast().buffersIn() > 0);
        pipeline.stop();
        assertEquals(PipelineState.FINISHED, pipeline.await(Runs.PATIENCE));
    }

    @Test
    void elementWarning_isPostedNamingTheElement() throws Exception {
        TestFactory warner = TestElements.factory("warner", "1.0.0", true, p -> new Probe() {
            @Override
            public void start(ElementContext context) throws Exception {
                super.start(context);
                context.warn("lens is dusty");
            }

            @Override
            public void process(int input, Buffer buffer, Output output) {
                buffer.release();
            }
        });
        PlanBuilder plan = new PlanBuilder("warned");
        plan.chain(
                plan.add(
                        "src",
                        TestElements.factory(
                                "counter", "1.0.0", true, p -> new Counter(pool::loan, new AtomicLong(), 3))),
                plan.add("camera", warner));
        RunningPipeline pipeline = runner.create(plan.build());
        Recorder events = new Recorder();
        pipeline.subscribe(events);
        pipeline.start();

        assertEquals(PipelineState.FINISHED, pipeline.await(Runs.PATIENCE));
        assertEquals(
                new PipelineEvent.Warning("warned", "camera", "lens is dusty"),
                events.await(e -> e instanceof PipelineEvent.Warning));
        assertEquals("warned", ((Probe) warner.made().getFirst()).context.pipeline());
        assertEquals("camera", ((Probe) warner.made().getFirst()).context.name());
    }
}

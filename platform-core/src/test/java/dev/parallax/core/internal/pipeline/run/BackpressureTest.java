package dev.parallax.core.internal.pipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.pipeline.PipelineState;
import dev.parallax.core.internal.pipeline.flow.TeeElement;
import dev.parallax.core.internal.pipeline.flow.TeeElementFactory;
import dev.parallax.core.internal.pipeline.run.TestElements.Collector;
import dev.parallax.core.internal.pipeline.run.TestElements.Counter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackpressureTest {
    private final PipelineRunner runner = Runs.runner();
    private final CountingPool pool = new CountingPool(TestElements.SIZE);

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void slowSink_behindAQueue_boundsTheBuffersInFlightToTheQueueSize() throws Exception {
        // A fast source against a 2 ms sink: without backpressure the source would loan thousands of buffers in the
        // time the sink takes 200. In flight: 8 in the queue, 1 in the sink, 1 waiting in the source's push.
        Collector slow = new Collector(2);
        PlanBuilder plan = new PlanBuilder("backpressure");
        plan.chain(
                plan.add("src", TestElements.endless(pool::loan)),
                plan.add("q", TestElements.queue(8)),
                plan.add("sink", TestElements.factory("collector", "1.0.0", true, p -> slow)));
        RunningPipeline pipeline = runner.create(plan.build());
        pipeline.start();
        while (slow.sequences.size() < 200) {
            Thread.sleep(5);
        }
        pipeline.stop();

        assertEquals(PipelineState.FINISHED, pipeline.await(Runs.PATIENCE));
        assertTrue(pool.mostLoansAlive() <= 8 + 2, "at most " + pool.mostLoansAlive() + " buffers in flight");
        List<Long> got = slow.sequenceList();
        assertEquals(LongStream.range(0, got.size()).boxed().toList(), got);
        assertEquals(0, pool.handlesAlive(), pool.balance());
    }

    @Test
    void slowBranch_behindATee_holdsBackTheFastBranchToo() throws Exception {
        // A tee feeds a fast and a slow branch, each behind a queue of 4: the slow one sets the pace of both, and
        // a buffer stays loaned until both branches released their handle.
        Collector slow = new Collector(2);
        Collector fast = new Collector(0);
        PlanBuilder plan = new PlanBuilder("branches");
        int src = plan.add("src", TestElements.endless(pool::loan));
        int t = plan.add("t", new TestFactory(new TeeElementFactory().description(), "1.0.0", p -> new TeeElement()));
        int q1 = plan.add("q1", TestElements.queue(4));
        int q2 = plan.add("q2", TestElements.queue(4));
        plan.link(src, t).link(t, q1).link(t, q2);
        plan.link(q1, plan.add("fast", TestElements.factory("collector", "1.0.0", true, p -> fast)));
        plan.link(q2, plan.add("slow", TestElements.factory("collector", "1.0.0", true, p -> slow)));
        RunningPipeline pipeline = runner.create(plan.build());
        pipeline.start();
        while (slow.sequences.size() < 100) {
            Thread.sleep(5);
        }
        pipeline.stop();

        assertEquals(PipelineState.FINISHED, pipeline.await(Runs.PATIENCE));
        assertTrue(pool.mostLoansAlive() <= 4 + 4 + 3, "at most " + pool.mostLoansAlive() + " buffers in flight");
        assertEquals(fast.sequenceList(), slow.sequenceList());
        assertEquals(0, pool.handlesAlive(), pool.balance());
    }

    @Test
    void directChain_holdsOneBufferAtATime() throws Exception {
        Collector sink = new Collector(0);
        PlanBuilder plan = new PlanBuilder("direct");
        plan.chain(
                plan.add(
                        "src",
                        TestElements.factory(
                                "counter", "1.0.0", true, p -> new Counter(pool::loan, new AtomicLong(), 10_000))),
                plan.add("sink", TestElements.factory("collector", "1.0.0", true, p -> sink)));
        RunningPipeline pipeline = runner.create(plan.build());
        pipeline.start();

        assertEquals(PipelineState.FINISHED, pipeline.await(Runs.PATIENCE));
        assertEquals(1, pool.mostLoansAlive());
        assertEquals(10_000, sink.sequences.size());
    }
}

package dev.parallax.core.internal.pipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.pipeline.Output;
import dev.parallax.api.pipeline.PipelineState;
import dev.parallax.core.internal.pipeline.flow.TeeElement;
import dev.parallax.core.internal.pipeline.flow.TeeElementFactory;
import dev.parallax.core.internal.pipeline.run.TestElements.Collector;
import dev.parallax.core.internal.pipeline.run.TestElements.Counter;
import dev.parallax.core.internal.pipeline.run.TestElements.Merge;
import dev.parallax.core.internal.pipeline.run.TestElements.Probe;
import dev.parallax.core.internal.pipeline.run.TestElements.Relay;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BranchRunTest {
    private final PipelineRunner runner = Runs.runner();
    private final CountingPool pool = new CountingPool(TestElements.SIZE);

    @AfterEach
    void close() {
        runner.close();
    }

    private static TestFactory tee() {
        return new TestFactory(new TeeElementFactory().description(), "1.0.0", p -> new TeeElement());
    }

    private TestFactory counter(long first, long end) {
        return TestElements.factory("counter", "1.0.0", true, p -> new Counter(pool::loan, new AtomicLong(first), end));
    }

    private static TestFactory sink(Collector collector) {
        return TestElements.factory("collector", "1.0.0", true, p -> collector);
    }

    @Test
    void tee_toAQueuedAndADirectBranch_deliversEveryBufferToBothOnce() throws Exception {
        // 5,000 buffers through a queue of 3 (an awkward size, not a power of two): the channel wraps 1,600 times.
        int count = 5000;
        Collector queued = new Collector(0);
        Collector direct = new Collector(0);
        PlanBuilder plan = new PlanBuilder("branches");
        int src = plan.add("src", counter(0, count));
        int t = plan.add("t", tee());
        int q = plan.add("q", TestElements.queue(3));
        int a = plan.add("a", sink(queued));
        int b = plan.add("b", sink(direct));
        plan.link(src, t).link(t, q).link(q, a).link(t, b);
        RunningPipeline pipeline = runner.create(plan.build());
        pipeline.start();

        assertEquals(PipelineState.FINISHED, pipeline.await(Runs.PATIENCE));
        List<Long> expected = LongStream.range(0, count).boxed().toList();
        assertEquals(expected, queued.sequenceList());
        assertEquals(expected, direct.sequenceList());
        assertEquals(List.of(1, 1), List.of(queued.ends.get(), direct.ends.get()));
        assertEquals(0, pool.handlesAlive(), pool.balance());
        assertEquals(0, pool.doubleReleases(), pool.balance());
    }

    @Test
    void tee_toThreeQueuedBranches_sharesEachBufferAndReleasesEveryHandle() throws Exception {
        int count = 3000;
        List<Collector> sinks = List.of(new Collector(0), new Collector(0), new Collector(0));
        PlanBuilder plan = new PlanBuilder("three");
        int src = plan.add("src", counter(0, count));
        int t = plan.add("t", tee());
        plan.link(src, t);
        for (int i = 0; i < sinks.size(); i++) {
            int q = plan.add("q" + i, TestElements.queue(1 + 7 * i));
            plan.link(t, q).link(q, plan.add("sink" + i, sink(sinks.get(i))));
        }
        RunningPipeline pipeline = runner.create(plan.build());
        pipeline.start();

        assertEquals(PipelineState.FINISHED, pipeline.await(Runs.PATIENCE));
        for (Collector sink : sinks) {
            assertEquals(LongStream.range(0, count).boxed().toList(), sink.sequenceList());
        }
        assertEquals(count, pool.loans(), "one loan per buffer: the branches got shares, not copies");
        assertEquals(0, pool.handlesAlive(), pool.balance());
        assertEquals(0, pool.staleUses(), pool.balance());
    }

    @Test
    void queue_runsTheElementsAfterItOnAnotherThread() throws Exception {
        List<Thread> sourceThread = Collections.synchronizedList(new ArrayList<>());
        List<Thread> sinkThread = Collections.synchronizedList(new ArrayList<>());
        TestFactory src = TestElements.factory(
                "counter",
                "1.0.0",
                true,
                p -> new Counter(
                        () -> {
                            sourceThread.add(Thread.currentThread());
                            return pool.loan();
                        },
                        new AtomicLong(),
                        10));
        TestFactory sink = TestElements.factory("recorder", "1.0.0", true, p -> new Probe() {
            @Override
            public void process(int input, Buffer buffer, Output output) {
                sinkThread.add(Thread.currentThread());
                buffer.release();
            }
        });
        PlanBuilder plan = new PlanBuilder("threads");
        plan.chain(plan.add("src", src), plan.add("q", TestElements.queue(4)), plan.add("sink", sink));
        RunningPipeline pipeline = runner.create(plan.build());
        pipeline.start();
        assertEquals(PipelineState.FINISHED, pipeline.await(Runs.PATIENCE));

        assertEquals(1, sourceThread.stream().distinct().count());
        assertEquals(1, sinkThread.stream().distinct().count());
        assertNotEquals(sourceThread.getFirst(), sinkThread.getFirst());
        assertEquals(true, sinkThread.getFirst().isVirtual());
    }

    @Test
    void join_ofTwoSources_mergesBothStreamsAndEndsOnceAfterBoth() throws Exception {
        // One source ends long before the other: the join must wait for both before its end of stream.
        Merge merge = new Merge();
        Collector collector = new Collector(0);
        PlanBuilder plan = new PlanBuilder("join");
        int early = plan.add("early", counter(0, 100));
        int late = plan.add("late", counter(1000, 5000));
        int m = plan.add("merge", TestElements.factory("merge", "1.0.0", true, p -> merge));
        plan.link(early, m).link(late, m).link(m, plan.add("sink", sink(collector)));
        RunningPipeline pipeline = runner.create(plan.build());
        pipeline.start();

        assertEquals(PipelineState.FINISHED, pipeline.await(Runs.PATIENCE));
        List<Long> got = collector.sequenceList();
        assertEquals(
                LongStream.range(0, 100).boxed().toList(),
                got.stream().filter(s -> s < 1000).toList());
        assertEquals(
                LongStream.range(1000, 5000).boxed().toList(),
                got.stream().filter(s -> s >= 1000).toList());
        assertEquals(1, merge.ends.get());
        assertEquals(4100, merge.seenAtEnd.get(), "the end came after every buffer of both inputs");
        assertEquals(1, collector.ends.get());
        assertEquals(0, pool.handlesAlive(), pool.balance());
    }

    @Test
    void diamond_fromOneSourceThroughTwoBranchesIntoAJoin_deliversEachBufferTwice() throws Exception {
        int count = 2000;
        Collector collector = new Collector(0);
        PlanBuilder plan = new PlanBuilder("diamond");
        int src = plan.add("src", counter(0, count));
        int t = plan.add("t", tee());
        plan.link(src, t);
        int left = plan.add("left", TestElements.factory("relay", "1.0.0", true, p -> new Relay(0, s -> false)));
        int right = plan.add("right", TestElements.factory("relay", "1.0.0", true, p -> new Relay(0, s -> false)));
        int m = plan.add("merge", TestElements.factory("merge", "1.0.0", true, p -> new Merge()));
        plan.link(t, left).link(t, right).link(left, m).link(right, m);
        plan.link(m, plan.add("sink", sink(collector)));
        RunningPipeline pipeline = runner.create(plan.build());
        pipeline.start();

        assertEquals(PipelineState.FINISHED, pipeline.await(Runs.PATIENCE));
        Map<Long, Integer> seen = new TreeMap<>();
        collector.sequences.forEach(s -> seen.merge(s, 1, Integer::sum));
        assertEquals(count, seen.size());
        assertEquals(List.of(2), seen.values().stream().distinct().toList());
        assertEquals(0, pool.handlesAlive(), pool.balance());
    }
}

package dev.parallax.core.internal.pipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.pipeline.ElementStats;
import dev.parallax.api.pipeline.PipelineEvent;
import dev.parallax.api.pipeline.PipelineState;
import dev.parallax.core.internal.pipeline.run.TestElements.Collector;
import dev.parallax.core.internal.pipeline.run.TestElements.Counter;
import dev.parallax.core.internal.pipeline.run.TestElements.Holder;
import dev.parallax.core.internal.pipeline.run.TestElements.Loaner;
import dev.parallax.core.internal.pipeline.run.TestElements.Probe;
import dev.parallax.core.internal.pipeline.run.TestElements.Relay;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HotSwapTest {
    private static final int COUNT = 20_000;

    private final PipelineRunner runner = Runs.runner();
    private final CountingPool pool = new CountingPool(TestElements.SIZE);
    private final Collector sink = new Collector(0);
    private final Recorder events = new Recorder();

    /** Holds the source at one loan until the test lets it go, so that a swap lands mid-stream for sure. */
    private final class Gate implements Loaner {
        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch open = new CountDownLatch(1);
        private final long at;
        private final Loaner next;
        private long loans;

        Gate(long at) {
            this(at, pool::loan);
        }

        Gate(long at, Loaner next) {
            this.at = at;
            this.next = next;
        }

        @Override
        public Buffer loan() throws InterruptedException {
            if (loans++ == at) {
                reached.countDown();
                open.await();
            }
            return next.loan();
        }

        void swapThere(Runnable swap) throws InterruptedException {
            assertTrue(reached.await(10, TimeUnit.SECONDS));
            swap.run();
            open.countDown();
        }
    }

    @AfterEach
    void close() {
        runner.close();
    }

    private static TestFactory relay(String version, int stamp) {
        return TestElements.factory("relay", version, true, p -> new Relay(stamp, s -> false));
    }

    /** src ! middle ! queue ! sink, started. */
    private RunningPipeline run(Loaner loaner, TestFactory middle) {
        PlanBuilder plan = new PlanBuilder("swapping");
        plan.chain(
                plan.add(
                        "src",
                        TestElements.factory(
                                "counter", "1.0.0", true, p -> new Counter(loaner, new AtomicLong(), COUNT))),
                plan.add("mid", middle),
                plan.add("q", TestElements.queue(16)),
                plan.add("sink", TestElements.factory("collector", "1.0.0", true, p -> sink)));
        RunningPipeline pipeline = runner.create(plan.build());
        pipeline.subscribe(events);
        pipeline.start();
        return pipeline;
    }

    private void assertExactlyOnceInOrder() {
        assertEquals(LongStream.range(0, COUNT).boxed().toList(), sink.sequenceList());
        assertEquals(0, pool.handlesAlive(), pool.balance());
        assertEquals(0, pool.doubleReleases(), pool.balance());
    }

    @Test
    void swappableElement_swappedTwiceMidStream_losesAndRepeatsNothing() throws Exception {
        TestFactory v1 = relay("1.0.0", 1);
        TestFactory v2 = relay("2.0.0", 2);
        TestFactory v3 = relay("3.0.0", 3);
        Gate second = new Gate(2 * COUNT / 3);
        Gate first = new Gate(COUNT / 3, second);
        RunningPipeline pipeline = run(first, v1);
        first.swapThere(() -> assertEquals(1, pipeline.offerSwap("relay", v2)));
        second.swapThere(() -> assertEquals(1, pipeline.offerSwap("relay", v3)));

        assertEquals(PipelineState.FINISHED, pipeline.await(Runs.PATIENCE));
        assertExactlyOnceInOrder();
        List<Byte> stamps = List.copyOf(sink.stamps);
        assertEquals(List.of((byte) 1, (byte) 2), stamps.subList(COUNT / 3 - 1, COUNT / 3 + 1), "swapped at the gate");
        for (int i = 1; i < stamps.size(); i++) {
            assertTrue(stamps.get(i) >= stamps.get(i - 1), "versions only go up: " + i);
        }
        events.await(e -> e instanceof PipelineEvent.StateChanged s && s.to().isTerminal());
        List<PipelineEvent.Swapped> swaps = events.of(PipelineEvent.Swapped.class);
        assertEquals(
                List.of(
                        new PipelineEvent.Swapped("swapping", "mid", "1.0.0", "2.0.0", false),
                        new PipelineEvent.Swapped("swapping", "mid", "2.0.0", "3.0.0", false)),
                swaps);
        assertEquals(List.of((byte) 2, (byte) 3), stamps.subList(2 * COUNT / 3 - 1, 2 * COUNT / 3 + 1));
        ElementStats stats = pipeline.stats().get(1);
        assertEquals(swaps.size(), stats.restarts());
        assertEquals(swaps.getLast().to(), stats.version());
        assertEquals(List.of(1, 1), List.of(v1.closes(), v2.closes()), "closed after the swap from them");
        for (TestFactory factory : List.of(v1, v2, v3)) {
            for (var element : factory.made()) {
                assertEquals(((Probe) element).starts.get(), ((Probe) element).stops.get());
            }
        }
        pipeline.close();
        assertEquals(1, v3.closes());
    }

    @Test
    void swappableElement_swappedRepeatedlyFromAnotherThread_deliversEveryBufferOnce() throws Exception {
        // Offers as fast as a thread can make them, racing the relay's thread: most are replaced before they are
        // taken, the others land between two buffers.
        RunningPipeline pipeline = run(pool::loan, relay("1.0.0", 1));
        List<TestFactory> offered = new ArrayList<>();
        int version = 2;
        while (!pipeline.state().isTerminal() && version < 100_000) {
            TestFactory next = relay(version + ".0.0", version % 100);
            offered.add(next);
            pipeline.offerSwap("relay", next);
            version++;
        }

        assertEquals(PipelineState.FINISHED, pipeline.await(Runs.PATIENCE));
        assertExactlyOnceInOrder();
        pipeline.close();
        assertTrue(offered.stream().allMatch(f -> f.closes() == 1), "every offered factory closed once");
        events.await(e -> e instanceof PipelineEvent.StateChanged s && s.to().isTerminal());
        assertEquals(
                events.of(PipelineEvent.Swapped.class).size(),
                pipeline.stats().get(1).restarts());
    }

    @Test
    void elementThatHoldsBuffers_isDrainedThenReplaced() throws Exception {
        TestFactory v1 = TestElements.factory("holder", "1.0.0", false, p -> new Holder(1));
        TestFactory v2 = TestElements.factory("holder", "2.0.0", false, p -> new Holder(2));
        Gate gate = new Gate(COUNT / 2);
        RunningPipeline pipeline = run(gate, v1);
        gate.swapThere(() -> assertEquals(1, pipeline.offerSwap("holder", v2)));

        assertEquals(PipelineState.FINISHED, pipeline.await(Runs.PATIENCE));
        assertExactlyOnceInOrder();
        events.await(e -> e instanceof PipelineEvent.StateChanged s && s.to().isTerminal());
        assertEquals(
                List.of(new PipelineEvent.Swapped("swapping", "mid", "1.0.0", "2.0.0", true)),
                events.of(PipelineEvent.Swapped.class));
        Holder old = (Holder) v1.made().getFirst();
        Holder fresh = (Holder) v2.made().getFirst();
        assertEquals(
                List.of(1, 1, 1),
                List.of(old.ends.get(), old.stops.get(), fresh.ends.get()),
                "the old one was drained");
        assertEquals(1, fresh.stops.get());
        List<Byte> stamps = List.copyOf(sink.stamps);
        assertEquals(List.of((byte) 1, (byte) 2), stamps.subList(COUNT / 2 - 1, COUNT / 2 + 1));
    }

    @Test
    void newerVersionWithOtherOutputs_isRefusedWithAWarning() throws Exception {
        TestFactory v1 = relay("1.0.0", 1);
        Function<dev.parallax.api.pipeline.PropertyValues, dev.parallax.api.pipeline.Element> other =
                p -> new Relay(2, s -> false) {
                    @Override
                    public List<Format> negotiate(List<Format> inputs, int outputs) {
                        return List.of(Format.of("other"));
                    }
                };
        TestFactory v2 = TestElements.factory("relay", "2.0.0", true, other);
        Gate gate = new Gate(100);
        RunningPipeline pipeline = run(gate, v1);
        gate.swapThere(() -> pipeline.offerSwap("relay", v2));

        assertEquals(PipelineState.FINISHED, pipeline.await(Runs.PATIENCE));
        assertExactlyOnceInOrder();
        PipelineEvent.Warning warning = (PipelineEvent.Warning) events.await(e -> e instanceof PipelineEvent.Warning);
        assertTrue(warning.message().contains("stays at version 1.0.0: version 2.0.0"), warning.message());
        assertTrue(warning.message().contains("other"), warning.message());
        assertTrue(sink.stamps.stream().allMatch(stamp -> stamp == 1));
        assertEquals(1, v2.closes(), "the refused factory is given back at once");
        events.await(e -> e instanceof PipelineEvent.StateChanged s && s.to().isTerminal());
        assertEquals(List.of(), events.of(PipelineEvent.Swapped.class));
    }

    @Test
    void source_swappedBetweenProduceCalls_goesOnWhereItWas() throws Exception {
        AtomicLong shared = new AtomicLong();
        Gate gate = new Gate(COUNT / 2);
        TestFactory v2 = TestElements.factory("counter", "2.0.0", true, p -> new Counter(gate, shared, COUNT));
        PlanBuilder plan = new PlanBuilder("source");
        plan.chain(
                plan.add("src", TestElements.factory("counter", "1.0.0", true, p -> new Counter(gate, shared, COUNT))),
                plan.add("sink", TestElements.factory("collector", "1.0.0", true, p -> sink)));
        RunningPipeline pipeline = runner.create(plan.build());
        pipeline.subscribe(events);
        pipeline.start();
        gate.swapThere(() -> assertEquals(1, pipeline.offerSwap("counter", v2)));

        assertEquals(PipelineState.FINISHED, pipeline.await(Runs.PATIENCE));
        assertExactlyOnceInOrder();
        assertEquals(
                new PipelineEvent.Swapped("source", "src", "1.0.0", "2.0.0", false),
                events.await(e -> e instanceof PipelineEvent.Swapped));
        assertEquals("2.0.0", pipeline.stats().getFirst().version());
        assertEquals("digraph source [2.0.0, 1.0.0] FINISHED", pipeline.toDot(), "the plan as it runs now");
        assertSame(v2.made().getLast(), pipeline.plan().nodes().getFirst().element());
    }

    @Test
    void offer_ofAnElementNotInThePipelineOrAfterTheEnd_isClosedAtOnce() throws Exception {
        RunningPipeline pipeline = run(pool::loan, relay("1.0.0", 1));
        TestFactory unrelated = relay("2.0.0", 2);
        assertEquals(0, pipeline.offerSwap("scaler", unrelated));
        assertEquals(1, unrelated.closes());
        assertEquals(PipelineState.FINISHED, pipeline.await(Runs.PATIENCE));
        TestFactory late = relay("3.0.0", 3);
        assertEquals(0, pipeline.offerSwap("relay", late));
        assertEquals(1, late.closes());
    }
}

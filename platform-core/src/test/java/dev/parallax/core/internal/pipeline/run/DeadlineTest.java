package dev.parallax.core.internal.pipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.pipeline.PipelineEvent;
import dev.parallax.api.pipeline.PipelineState;
import dev.parallax.core.internal.pipeline.run.TestElements.Collector;
import dev.parallax.core.internal.pipeline.run.TestElements.Counter;
import dev.parallax.core.internal.pipeline.run.TestElements.Hang;
import dev.parallax.core.internal.pipeline.run.TestElements.Relay;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DeadlineTest {
    private final CountingPool pool = new CountingPool(TestElements.SIZE);
    private final Recorder events = new Recorder();

    /** src ! queue ! hang, the hang with a deadline of 200 ms, started. */
    private RunningPipeline run(PipelineRunner runner, Hang hang) {
        PlanBuilder plan = new PlanBuilder("hung");
        plan.chain(
                plan.add("src", TestElements.endless(pool::loan)),
                plan.add("q", TestElements.queue(8)),
                plan.add(
                        "stuck",
                        TestElements.factory("hang", "1.0.0", true, p -> hang),
                        TestProperties.NONE,
                        Runs.deadline(200)));
        RunningPipeline pipeline = runner.create(plan.build());
        pipeline.subscribe(events);
        pipeline.start();
        return pipeline;
    }

    @Test
    void hungElement_pastItsDeadline_failsThePipelineAndIsInterrupted() throws Exception {
        Hang hang = new Hang(true);
        try (PipelineRunner runner = Runs.runner()) {
            RunningPipeline pipeline = run(runner, hang);

            assertEquals(PipelineState.FAILED, pipeline.await(Duration.ofSeconds(10)));
            PipelineEvent.Error error = (PipelineEvent.Error) events.await(e -> e instanceof PipelineEvent.Error);
            assertEquals("stuck", error.element());
            assertTrue(error.fatal());
            assertTrue(error.message().contains("deadline of 200 ms"), error.message());
            assertEquals(1, hang.interrupts.get(), "the hung thread was interrupted");
            assertEquals(1, hang.stops.get());
            assertEquals(0, pool.handlesAlive(), pool.balance());
        }
    }

    @Test
    void elementIgnoringInterrupts_pastItsDeadline_isLeftBehindAndThePipelineStillFails() throws Exception {
        Hang hang = new Hang(false);
        try (PipelineRunner runner = new PipelineRunner(
                Runs.memory(), PlanPrinter.of((p, s) -> "", (p, s) -> ""), Duration.ofMillis(300), 8)) {
            RunningPipeline pipeline = run(runner, hang);

            assertEquals(PipelineState.FAILED, pipeline.await(Duration.ofSeconds(10)));
            PipelineEvent.Warning warning =
                    (PipelineEvent.Warning) events.await(e -> e instanceof PipelineEvent.Warning);
            assertTrue(warning.message().contains("[stuck] did not return within 300 ms"), warning.message());
            assertEquals(0, hang.stops.get(), "not stopped while its thread is inside it");

            hang.letGo = true;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (hang.stops.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertEquals(1, hang.stops.get(), "stopped by its own thread once it came back");
            while (pool.handlesAlive() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertEquals(0, pool.handlesAlive(), pool.balance());
        }
    }

    @Test
    void slowNextElement_doesNotCountAgainstTheDeadlineOfTheOneBeforeIt() throws Exception {
        // The relay has a deadline of 100 ms; each push from it runs the 150 ms sink on the same thread.
        Collector slow = new Collector(150);
        try (PipelineRunner runner = Runs.runner()) {
            PlanBuilder plan = new PlanBuilder("slow");
            plan.chain(
                    plan.add(
                            "src",
                            TestElements.factory(
                                    "counter", "1.0.0", true, p -> new Counter(pool::loan, new AtomicLong(), 4))),
                    plan.add(
                            "relay",
                            TestElements.factory("relay", "1.0.0", true, p -> new Relay(0, s -> false)),
                            TestProperties.NONE,
                            Runs.deadline(100)),
                    plan.add("sink", TestElements.factory("collector", "1.0.0", true, p -> slow)));
            RunningPipeline pipeline = runner.create(plan.build());
            pipeline.subscribe(events);
            pipeline.start();

            assertEquals(PipelineState.FINISHED, pipeline.await(Runs.PATIENCE));
            assertEquals(List.of(0L, 1L, 2L, 3L), slow.sequenceList());
            events.await(e -> e instanceof PipelineEvent.StateChanged s && s.to().isTerminal());
            assertEquals(List.of(), events.of(PipelineEvent.Error.class));
        }
    }
}

package dev.parallax.core.internal.pipeline.run;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The body of a pipeline's supervising thread: starts the elements (the sinks first), starts one virtual thread per
 * chain, waits for them, stops the elements (the sinks first, so that a source's pool outlives the buffers it lent)
 * and ends the pipeline.
 *
 * <p>After an abort it waits at most the grace period for the threads to come back: a thread stuck in an element
 * that ignores interrupts is reported and left behind, and stops its elements whenever it returns.
 */
final class Supervisor implements Runnable {
    private static final System.Logger LOG = System.getLogger(Supervisor.class.getName());
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final RunningPipeline pipeline;
    private final Run run;
    private final Topology topology;
    private final long graceNanos;

    Supervisor(RunningPipeline pipeline, Run run, Topology topology, Duration grace) {
        this.pipeline = pipeline;
        this.run = run;
        this.topology = topology;
        this.graceNanos = grace.toNanos();
    }

    @Override
    public void run() {
        try {
            if (startElements()) {
                List<Thread> threads = new ArrayList<>();
                for (Chain chain : topology.chains()) {
                    Thread thread = Thread.ofVirtual()
                            .name("parallax-pipeline-" + run.pipeline + "-" + chain.head.name)
                            .unstarted(chain);
                    run.enlist(thread);
                    threads.add(thread);
                }
                threads.forEach(Thread::start);
                List<Chain> done = awaitThreads(threads);
                topology.nodes().reversed().stream()
                        .filter(node -> done.stream().anyMatch(chain -> chain.members.contains(node)))
                        .forEach(Node::stop);
            }
        } catch (RuntimeException | Error bug) { // the runtime's own failure: the pipeline must still end
            LOG.log(Level.ERROR, "Pipeline '" + run.pipeline + "' supervisor failed", bug);
            run.fail(run.pipeline, "The supervisor of pipeline '" + run.pipeline + "' failed: " + bug);
        } finally {
            pipeline.finish(run.outcome());
        }
    }

    /** Starts every element, the last first; on a failure stops those started and returns false. */
    private boolean startElements() {
        Thread self = Thread.currentThread();
        run.enlist(self); // a cancel while an element starts interrupts it
        List<Node> started = new ArrayList<>();
        try {
            for (Node node : topology.nodes().reversed()) {
                if (run.aborting() || !node.start()) {
                    started.forEach(Node::stop);
                    return false;
                }
                started.add(node);
            }
            return true;
        } finally {
            run.discharge(self);
            Thread.interrupted();
        }
    }

    /** Waits for the threads; returns the chains whose thread came back, whose elements are the caller's to stop. */
    private List<Chain> awaitThreads(List<Thread> threads) {
        List<Chain> done = new ArrayList<>();
        List<String> stuck = new ArrayList<>();
        for (int i = 0; i < threads.size(); i++) {
            Thread thread = threads.get(i);
            Chain chain = topology.chains().get(i);
            if (await(thread) || !chain.abandon()) {
                awaitExit(thread); // it came back, or is on its way out
                done.add(chain);
            } else {
                chain.members.stream()
                        .filter(node -> (node.stats.calls() & 1) != 0)
                        .forEach(node -> stuck.add(node.name));
            }
            run.discharge(thread);
        }
        if (!stuck.isEmpty()) {
            run.warn(
                    stuck.getFirst(),
                    "Element(s) " + stuck + " did not return within " + TimeUnit.NANOSECONDS.toMillis(graceNanos)
                            + " ms of the pipeline's abort, although interrupted: their thread is left to end on its"
                            + " own and stops its elements when it does");
        }
        return done;
    }

    /** Waits for {@code thread} to end; after an abort, at most until the grace period is over. */
    private boolean await(Thread thread) {
        while (thread.isAlive()) {
            long wait = POLL_NANOS;
            if (run.aborting()) {
                long left = run.abortedAt() + graceNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait = Math.min(wait, left);
            }
            try {
                thread.join(Duration.ofNanos(wait));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false; // the JVM is going down: end the pipeline as it is
            }
        }
        return true;
    }

    /** Waits for a thread that is past its work and only closing its channels. */
    private static void awaitExit(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

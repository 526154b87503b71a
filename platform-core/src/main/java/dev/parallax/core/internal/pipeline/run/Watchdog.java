package dev.parallax.core.internal.pipeline.run;

import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * One thread that looks after every running pipeline: it checks the elements' deadlines and posts the periodic
 * statistics. It runs only while some pipeline runs, and wakes as often as the shortest deadline needs (a quarter
 * of it, 1 to 100 ms) rather than once per buffer.
 *
 * <p>A platform thread, not a virtual one: elements that never block can hold every carrier thread of the virtual
 * thread scheduler, and the watchdog must still run to end a pipeline whose element hangs.
 */
final class Watchdog implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Watchdog.class.getName());

    private final Set<RunningPipeline> watched = ConcurrentHashMap.newKeySet();
    private Thread thread; // guarded by this
    private boolean closed; // guarded by this

    /** Looks after {@code pipeline} until {@link #forget}. */
    synchronized void watch(RunningPipeline pipeline) {
        if (closed) {
            throw new IllegalStateException(
                    "The pipeline watchdog is closed: pipeline '" + pipeline.name() + "' cannot start");
        }
        watched.add(pipeline);
        if (thread == null) {
            thread = Thread.ofPlatform()
                    .daemon()
                    .name("parallax-pipeline-watchdog")
                    .start(this::loop);
        }
    }

    /** Stops looking after {@code pipeline}. */
    void forget(RunningPipeline pipeline) {
        watched.remove(pipeline);
    }

    /** Stops the thread; pipelines still running lose their deadlines and periodic statistics. */
    @Override
    public synchronized void close() {
        closed = true;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    private void loop() {
        while (true) {
            synchronized (this) {
                if (closed || watched.isEmpty()) {
                    thread = null;
                    return;
                }
            }
            long now = System.nanoTime();
            long period = RunningPipeline.MAX_TICK_NANOS;
            for (RunningPipeline pipeline : watched) {
                try {
                    pipeline.tick(now);
                    period = Math.min(period, pipeline.tickNanos());
                } catch (RuntimeException e) { // one pipeline's trouble must not blind the watchdog to the others
                    LOG.log(Level.ERROR, "Pipeline watchdog failed on pipeline '" + pipeline.name() + "'", e);
                }
            }
            LockSupport.parkNanos(this, period);
        }
    }
}

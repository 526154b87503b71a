package dev.parallax.core.internal.pipeline.run;

import dev.parallax.api.buffer.MemoryService;
import dev.parallax.api.pipeline.PipelineEvent;
import dev.parallax.api.pipeline.PipelineState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the parts of one running pipeline share: whether it is stopping or aborting, its event bus, and the one way
 * it fails or is cancelled.
 *
 * <p>Aborting (a failure, a passed deadline or a cancel) sets a flag that every wait in the runtime checks, then
 * interrupts every worker thread so that elements blocked in a call come back. The first reason wins: a failure
 * after a cancel is not reported, and a cancel after a failure leaves the pipeline failed.
 */
final class Run {
    final String pipeline;
    final Bus bus;
    final MemoryService memory;

    private static final int FLOWING = 0;
    private static final int STOPPING = 1;
    private static final int ABORTING = 2;

    /** One volatile read tells a source loop whether to go on: flowing, stopping or aborting, only ever upwards. */
    private volatile int phase = FLOWING;

    // guarded by this
    private final Set<Thread> workers = new LinkedHashSet<>();
    private boolean cancelled;
    private String failure;
    private long abortedAt;

    Run(String pipeline, Bus bus, MemoryService memory) {
        this.pipeline = pipeline;
        this.bus = bus;
        this.memory = memory;
    }

    /** Whether buffers are to keep coming: neither stopping nor aborting. */
    boolean flowing() {
        return phase == FLOWING;
    }

    /** Whether the pipeline is failing or cancelled: every thread of it is to come back as soon as it can. */
    boolean aborting() {
        return phase == ABORTING;
    }

    /** Asks the sources to end the stream. */
    synchronized void requestStop() {
        if (phase == FLOWING) {
            phase = STOPPING;
        }
    }

    /**
     * Fails the pipeline because of {@code element}, unless it is already aborting: posts a fatal error and aborts.
     *
     * @return whether this call failed it
     */
    boolean fail(String element, String message) {
        synchronized (this) {
            if (aborting()) {
                return false;
            }
            failure = message;
        }
        bus.post(new PipelineEvent.Error(pipeline, element, message, true));
        abort();
        return true;
    }

    /** Cancels the pipeline unless it is already aborting. */
    void cancel() {
        synchronized (this) {
            if (aborting()) {
                return;
            }
            cancelled = true;
        }
        abort();
    }

    /** Posts an error that the element's policy absorbed. */
    void error(String element, String message) {
        bus.post(new PipelineEvent.Error(pipeline, element, message, false));
    }

    /** Posts a warning. */
    void warn(String element, String message) {
        bus.post(new PipelineEvent.Warning(pipeline, element, message));
    }

    /** Counts {@code thread} among those interrupted on abort; interrupts it at once if the abort came first. */
    synchronized void enlist(Thread thread) {
        workers.add(thread);
        if (aborting()) {
            thread.interrupt();
        }
    }

    /** Stops counting {@code thread} among the workers. */
    synchronized void discharge(Thread thread) {
        workers.remove(thread);
    }

    /** When the abort began ({@link System#nanoTime()}); meaningful only while {@link #aborting()}. */
    synchronized long abortedAt() {
        return abortedAt;
    }

    /** The state the run ends in, once every thread has come back. */
    synchronized PipelineState outcome() {
        return cancelled ? PipelineState.CANCELLED : failure != null ? PipelineState.FAILED : PipelineState.FINISHED;
    }

    private void abort() {
        List<Thread> interrupted;
        synchronized (this) {
            abortedAt = System.nanoTime();
            phase = ABORTING;
            interrupted = new ArrayList<>(workers);
        }
        for (Thread thread : interrupted) {
            thread.interrupt();
        }
    }
}

package dev.parallax.core.internal.pipeline.run;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.pipeline.Element;
import dev.parallax.api.pipeline.ElementStats;
import dev.parallax.api.pipeline.PipelineEvent;
import dev.parallax.api.pipeline.Source;
import dev.parallax.core.internal.pipeline.PlanNode;
import dev.parallax.core.internal.pipeline.ResolvedFactory;
import java.lang.System.Logger.Level;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;

/**
 * One element of a running pipeline and everything the runtime does around its calls: counting, latency samples,
 * the deadline's call marks, the error policy, restarts and hot swaps.
 *
 * <p>Only the thread of the node's chain calls into the element (the supervisor starts it before that thread
 * begins), so the element reference and the restart count are plain fields. A swap offered from another thread
 * waits in a volatile field until that thread, at a buffer boundary, takes it.
 */
final class Node {
    /** Latency is measured on one buffer in this many, to keep the clock off the others. */
    static final int SAMPLE_EVERY = 64;

    private static final long SAMPLE_MASK = SAMPLE_EVERY - 1;
    private static final int MAX_DOUBLINGS = 20;
    private static final System.Logger LOG = System.getLogger(Node.class.getName());
    private static final VarHandle OFFERED;

    static {
        try {
            OFFERED = MethodHandles.lookup().findVarHandle(Node.class, "offered", ResolvedFactory.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final PlanNode plan;
    final String name;
    final String type;
    final boolean source;
    final NodeStats stats = new NodeStats();

    private final Run run;
    private final FactoryRefs refs;
    private final NodeContext context;
    private NodeOutput output;
    private Element element;
    private boolean started;
    private int restartsInRow;
    private volatile ResolvedFactory factory;
    private volatile ResolvedFactory offered;

    Node(PlanNode plan, Run run, FactoryRefs refs) {
        this.plan = plan;
        this.name = plan.name();
        this.type = plan.description().name();
        this.source = plan.element() instanceof Source;
        this.run = run;
        this.refs = refs;
        this.context = new NodeContext(plan, run);
        this.element = plan.element();
        this.factory = plan.factory();
    }

    /** Links the outputs; once, at set-up. */
    void connect(NodeOutput output) {
        this.output = output;
    }

    /** The element running now (the plan's, or the last restart's or swap's). */
    Element element() {
        return element;
    }

    /** The factory of the element running now. */
    ResolvedFactory factory() {
        return factory;
    }

    /** Starts the element; on failure fails the pipeline and returns false. Supervisor thread, before the flow. */
    boolean start() {
        Throwable failure = launch(element);
        if (failure == null) {
            return true;
        }
        if (!run.aborting()) {
            LOG.log(
                    Level.WARNING,
                    "Element '" + name + "' of pipeline '" + run.pipeline + "' failed to start: " + failure);
            LOG.log(Level.DEBUG, "Element '" + name + "' of pipeline '" + run.pipeline + "' failed to start", failure);
            run.fail(name, "Element '" + name + "' failed to start: " + failure);
        }
        return false;
    }

    /**
     * Starts {@code fresh} and makes it the node's element; on failure leaves the element as it was. An element
     * whose start failed is not stopped: {@link dev.parallax.api.pipeline.Element#stop()} follows a start that
     * returned.
     *
     * @return the failure, or null
     */
    private Throwable launch(Element fresh) {
        stats.enter();
        try {
            fresh.start(context);
            element = fresh;
            started = true;
            return null;
        } catch (Throwable failure) {
            return failure;
        } finally {
            stats.leave();
        }
    }

    /** Stops the element if it was started, once; a failure is posted as a warning. */
    void stop() {
        if (!started) {
            return;
        }
        started = false;
        stats.enter();
        try {
            element.stop();
        } catch (Throwable failure) {
            run.warn(name, "Element '" + name + "' failed to stop: " + failure);
        } finally {
            stats.leave();
        }
    }

    /**
     * Hands a buffer to the element, which then owns it. If the element throws, the buffer is released unless it
     * already was: an element must not throw after pushing the buffer it was given.
     */
    void process(int pad, Buffer buffer) {
        if (offered != null) {
            try {
                swapNow();
            } catch (Abort abort) {
                buffer.release();
                throw abort;
            }
        }
        long before = stats.received(buffer.byteSize());
        stats.enter();
        try {
            if ((before & SAMPLE_MASK) != 0) {
                element.process(pad, buffer, output);
            } else {
                long begin = System.nanoTime();
                element.process(pad, buffer, output);
                stats.sample(System.nanoTime() - begin);
            }
            if (restartsInRow != 0) {
                restartsInRow = 0;
            }
        } catch (Abort abort) {
            throw abort; // the buffer went on before the pipeline began to abort
        } catch (Throwable failure) {
            if (!buffer.isReleased()) {
                buffer.release();
            }
            failed(failure, "buffer " + before, true);
        } finally {
            stats.leave();
        }
    }

    /** Calls the source's produce once; returns false at the end of its stream. */
    boolean produce() {
        if (offered != null) {
            swapNow();
        }
        long before = stats.produced();
        stats.enter();
        try {
            boolean more;
            if ((before & SAMPLE_MASK) != 0) {
                more = ((Source) element).produce(output);
            } else {
                long begin = System.nanoTime();
                more = ((Source) element).produce(output);
                stats.sample(System.nanoTime() - begin);
            }
            if (restartsInRow != 0) {
                restartsInRow = 0;
            }
            return more;
        } catch (Abort abort) {
            throw abort;
        } catch (Throwable failure) {
            failed(failure, "producing", false);
            return true;
        } finally {
            stats.leave();
        }
    }

    /** Every input ended: lets the element flush, then ends the stream on every output. */
    void endOfStream() {
        stats.enter();
        try {
            element.endOfStream(output);
        } catch (Abort abort) {
            throw abort;
        } catch (Throwable failure) {
            if (run.aborting()) {
                throw Abort.INSTANCE;
            }
            String message = "Element '" + name + "' failed at the end of the stream: " + failure;
            switch (plan.settings().onError()) {
                case FAIL -> {
                    run.fail(name, message);
                    throw Abort.INSTANCE;
                }
                case DROP, RESTART -> run.error(name, message + "; the end of the stream goes on");
            }
        } finally {
            stats.leave();
        }
        output.end();
    }

    /**
     * Offers a newer factory; the node's thread swaps at its next buffer boundary. The node now holds a use of
     * {@code newer}, and gives it back when it swaps to it no more (replaced by a later offer, refused, or
     * replaced by a later swap).
     */
    void offer(ResolvedFactory newer) {
        ResolvedFactory previous = (ResolvedFactory) OFFERED.getAndSet(this, newer);
        if (previous != null) {
            refs.release(previous);
        }
    }

    /** Gives back a swap offered and not made. */
    void dropOffer() {
        ResolvedFactory previous = (ResolvedFactory) OFFERED.getAndSet(this, null);
        if (previous != null) {
            refs.release(previous);
        }
    }

    /** The counts now; any thread. */
    ElementStats snapshot() {
        return stats.snapshot(name, type, factory.plugin().version().toString(), source);
    }

    private void failed(Throwable failure, String what, boolean dropped) {
        if (run.aborting()) {
            throw Abort.INSTANCE; // the abort's interrupt, not the element, ended the call
        }
        String message = "Element '" + name + "' failed on " + what + ": " + failure;
        switch (plan.settings().onError()) {
            case FAIL -> {
                // the message goes to the bus and the log; the stack trace, for the element's author, to debug
                LOG.log(Level.WARNING, "Pipeline '" + run.pipeline + "': " + message);
                LOG.log(Level.DEBUG, "Pipeline '" + run.pipeline + "': " + message, failure);
                run.fail(name, message);
                throw Abort.INSTANCE;
            }
            case DROP -> {
                if (dropped) {
                    stats.dropped();
                }
                run.error(name, message + (dropped ? "; the buffer was dropped" : "") + " (on-error=drop)");
            }
            case RESTART -> {
                if (dropped) {
                    stats.dropped();
                }
                long wait = plan.settings().restartBackoff().toMillis() << Math.min(restartsInRow, MAX_DOUBLINGS);
                run.error(
                        name,
                        message + (dropped ? "; the buffer was dropped" : "") + "; restarting in " + wait
                                + " ms (on-error=restart, restart " + (restartsInRow + 1) + " in a row)");
                restart(wait);
            }
        }
    }

    private void restart(long waitMillis) {
        stop();
        restartsInRow++;
        try {
            Thread.sleep(waitMillis);
        } catch (InterruptedException e) {
            throw Abort.INSTANCE; // only an abort interrupts a pipeline thread
        }
        Throwable failure;
        try {
            failure = launch(create(factory));
        } catch (Throwable e) {
            failure = e;
        }
        if (failure != null) {
            if (!run.aborting()) {
                run.fail(name, "Element '" + name + "' could not be restarted: " + failure);
            }
            throw Abort.INSTANCE;
        }
        stats.restarted();
    }

    /** A new element from {@code from} with this node's properties, negotiated with its inputs. */
    private Element create(ResolvedFactory from) {
        Element fresh = from.factory().create(plan.properties());
        List<Format> outputs = fresh.negotiate(plan.inputs(), plan.outputs().size());
        if (!plan.outputs().equals(outputs)) {
            throw new IllegalArgumentException("it negotiates outputs " + outputs + " from inputs " + plan.inputs()
                    + ", where the running pipeline has " + plan.outputs());
        }
        return fresh;
    }

    /** Takes the offered factory and swaps to it, or keeps the running element and says why. */
    private void swapNow() {
        ResolvedFactory newer = (ResolvedFactory) OFFERED.getAndSet(this, null);
        if (newer == null) {
            return;
        }
        ResolvedFactory older = factory;
        String from = older.plugin().version().toString();
        String to = newer.plugin().version().toString();
        Element fresh;
        try {
            fresh = create(newer);
        } catch (Throwable failure) {
            run.warn(name, "Element '" + name + "' stays at version " + from + ": version " + to + " " + failure);
            refs.release(newer);
            return;
        }
        boolean drain = !older.description().swappable();
        Element old = element;
        if (drain) {
            drainForSwap(old);
            stop();
            Throwable failure = launch(fresh);
            if (failure != null) {
                refs.release(newer);
                if (!run.aborting()) {
                    run.fail(
                            name,
                            "Element '" + name + "' was drained to swap from version " + from + " to " + to
                                    + ", which then failed to start: " + failure);
                }
                throw Abort.INSTANCE;
            }
        } else {
            Throwable failure = launch(fresh);
            if (failure != null) {
                run.warn(
                        name,
                        "Element '" + name + "' stays at version " + from + ": version " + to + " failed to start: "
                                + failure);
                refs.release(newer);
                return;
            }
            stopOld(old);
        }
        factory = newer;
        refs.release(older);
        stats.restarted();
        run.bus.post(new PipelineEvent.Swapped(run.pipeline, name, from, to, drain));
    }

    private void drainForSwap(Element old) {
        stats.enter();
        try {
            old.endOfStream(output);
        } catch (Abort abort) {
            throw abort;
        } catch (Throwable failure) {
            run.warn(name, "Element '" + name + "' failed to drain before its swap: " + failure);
        } finally {
            stats.leave();
        }
    }

    private void stopOld(Element old) {
        stats.enter();
        try {
            old.stop();
        } catch (Throwable failure) {
            run.warn(name, "Element '" + name + "' failed to stop after its swap: " + failure);
        } finally {
            stats.leave();
        }
    }
}

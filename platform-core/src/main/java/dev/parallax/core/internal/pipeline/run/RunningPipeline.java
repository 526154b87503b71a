package dev.parallax.core.internal.pipeline.run;

import dev.parallax.api.buffer.MemoryService;
import dev.parallax.api.pipeline.ElementStats;
import dev.parallax.api.pipeline.Pipeline;
import dev.parallax.api.pipeline.PipelineEvent;
import dev.parallax.api.pipeline.PipelineListener;
import dev.parallax.api.pipeline.PipelineState;
import dev.parallax.api.plugin.PluginInfo;
import dev.parallax.core.internal.pipeline.Plan;
import dev.parallax.core.internal.pipeline.PlanNode;
import dev.parallax.core.internal.pipeline.ResolvedFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Plan} run as a {@link Pipeline}: one virtual thread per {@link Chain}, a platform thread supervising
 * them, and the shared {@link Watchdog} for deadlines and periodic statistics.
 *
 * <p>The pipeline owns the plan's factories (and every factory offered for a swap) and closes them when it is
 * closed. Made by {@link PipelineRunner#create(Plan)}.
 */
public final class RunningPipeline implements Pipeline {
    /** The watchdog's longest period, which also bounds how late the periodic statistics are. */
    static final long MAX_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private static final long STATS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Plan plan;
    private final PlanPrinter printer;
    private final Watchdog watchdog;
    private final Duration grace;
    private final Bus bus;
    private final Run run;
    private final FactoryRefs refs = new FactoryRefs();
    private final Topology topology;
    private final Deadlines deadlines;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Object lock = new Object();
    private volatile PipelineState state = PipelineState.CREATED;
    private volatile Instant startedAt;
    private boolean closed; // guarded by lock
    private long nextStatsAt; // watchdog thread only

    RunningPipeline(
            Plan plan, MemoryService memory, PlanPrinter printer, Watchdog watchdog, Duration grace, int joinCapacity) {
        this.plan = plan;
        this.printer = printer;
        this.watchdog = watchdog;
        this.grace = grace;
        this.bus = new Bus(plan.name());
        this.run = new Run(plan.name(), bus, memory);
        this.topology = Topology.of(plan, run, refs, joinCapacity);
        this.deadlines = new Deadlines(topology.nodes(), run);
    }

    @Override
    public String name() {
        return plan.name();
    }

    @Override
    public String description() {
        return plan.description();
    }

    @Override
    public PipelineState state() {
        return state;
    }

    /**
     * The plan as it runs now: the factories and elements of any restart or swap in place of the first ones (read
     * from another thread than the elements', so a moment old).
     */
    public Plan plan() {
        return current();
    }

    /** When {@link #start()} was called; empty before. */
    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    @Override
    public void start() {
        synchronized (lock) {
            if (state != PipelineState.CREATED) {
                throw new IllegalStateException(
                        "Pipeline '" + name() + "' was started before: a pipeline runs once, and it is " + state);
            }
            nextStatsAt = System.nanoTime() + STATS_EVERY_NANOS;
            watchdog.watch(this);
            startedAt = Instant.now();
            moveTo(PipelineState.RUNNING);
        }
        Thread.ofPlatform()
                .daemon()
                .name("parallax-pipeline-" + name())
                .start(new Supervisor(this, run, topology, grace));
    }

    /** Asks the sources to end the stream; before {@link #start()} the pipeline ends {@link PipelineState#CANCELLED}. */
    @Override
    public void stop() {
        synchronized (lock) {
            switch (state) {
                case CREATED -> end(PipelineState.CANCELLED);
                case RUNNING -> {
                    moveTo(PipelineState.STOPPING);
                    run.requestStop();
                }
                default -> {} // stopping or over already
            }
        }
    }

    /** Cancels; before {@link #start()} the pipeline ends {@link PipelineState#CANCELLED} at once, once over nothing. */
    @Override
    public void cancel() {
        synchronized (lock) {
            if (state == PipelineState.CREATED) {
                end(PipelineState.CANCELLED);
                return;
            }
            if (state.isTerminal()) {
                return;
            }
        }
        run.cancel();
    }

    @Override
    public PipelineState await(Duration timeout) throws InterruptedException {
        ended.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        return state;
    }

    @Override
    public List<ElementStats> stats() {
        return topology.nodes().stream().map(Node::snapshot).toList();
    }

    @Override
    public AutoCloseable subscribe(PipelineListener listener) {
        return bus.subscribe(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public String toDot() {
        return printer.dot(current(), state);
    }

    @Override
    public String toJson() {
        return printer.json(current(), state);
    }

    /**
     * Offers a newer factory of the element {@code factoryName}: each node made by that element moves to it at its
     * next buffer boundary, on its own thread (see {@link PipelineEvent.Swapped}). The pipeline takes {@code newer}
     * over and closes it when no node uses it any more, at once if no node is made by that element (or each already
     * runs that very plugin) or the pipeline is over.
     *
     * @return how many nodes will swap
     */
    public int offerSwap(String factoryName, ResolvedFactory newer) {
        Objects.requireNonNull(factoryName, "factoryName");
        Objects.requireNonNull(newer, "newer");
        int offered = 0;
        synchronized (lock) {
            if (!state.isTerminal() && !closed) {
                for (Node node : topology.nodes()) {
                    if (node.type.equals(factoryName)
                            && !samePlugin(node.factory().plugin(), newer.plugin())) {
                        refs.acquire(newer);
                        node.offer(newer);
                        offered++;
                    }
                }
            }
        }
        if (offered == 0) {
            newer.close();
        }
        return offered;
    }

    /** Cancels the pipeline if it runs, and closes its factories once it is over. */
    @Override
    public void close() {
        cancel();
        synchronized (lock) {
            closed = true;
            if (!state.isTerminal()) {
                return; // the supervisor closes them when the threads are done
            }
        }
        refs.closeAll();
    }

    /** The watchdog's period for this pipeline: a quarter of its shortest deadline, 1 to 100 ms. */
    long tickNanos() {
        return deadlines.tickNanos(MAX_TICK_NANOS);
    }

    /** Called by the watchdog: checks deadlines, and posts statistics once a second. */
    void tick(long now) {
        if (state.isTerminal()) {
            return;
        }
        deadlines.check(now);
        if (now - nextStatsAt >= 0) {
            nextStatsAt = now + STATS_EVERY_NANOS;
            bus.post(new PipelineEvent.Stats(name(), stats()));
        }
    }

    /** Called by the supervisor once every thread came back (or was given up on): posts the end and ends. */
    void finish(PipelineState outcome) {
        bus.post(new PipelineEvent.Stats(name(), stats()));
        if (outcome == PipelineState.FINISHED) {
            bus.post(new PipelineEvent.EndOfStream(name()));
        }
        boolean close;
        synchronized (lock) {
            end(outcome);
            close = closed;
        }
        topology.nodes().forEach(Node::dropOffer);
        watchdog.forget(this);
        if (close) {
            refs.closeAll();
        }
    }

    private void end(PipelineState outcome) {
        moveTo(outcome);
        ended.countDown();
    }

    private void moveTo(PipelineState next) {
        PipelineState previous = state;
        state = next;
        bus.post(new PipelineEvent.StateChanged(name(), previous, next));
    }

    private static boolean samePlugin(PluginInfo running, PluginInfo offered) {
        return running.serviceId() == offered.serviceId() && running.bundleId() == offered.bundleId();
    }

    /** The plan with the factories and elements that run now. */
    private Plan current() {
        List<PlanNode> nodes = topology.nodes().stream()
                .map(node -> new PlanNode(
                        node.name,
                        node.factory(),
                        node.plan.properties(),
                        node.plan.settings(),
                        node.element(),
                        node.plan.inputs(),
                        node.plan.outputs()))
                .toList();
        return new Plan(plan.name(), plan.description(), nodes, plan.links());
    }

    @Override
    public String toString() {
        return "pipeline '" + name() + "' (" + state + ")";
    }
}

package dev.parallax.core.internal.pipeline.run;

import dev.parallax.api.buffer.MemoryService;
import dev.parallax.core.internal.pipeline.Plan;
import java.time.Duration;
import java.util.Objects;

/**
 * Runs plans: makes a {@link RunningPipeline} of each, all sharing one {@link Watchdog} for their deadlines and
 * periodic statistics.
 *
 * <p>Threading: each pipeline is cut into chains of elements joined by direct calls, one virtual thread per chain,
 * with a bounded lock-free channel only before a {@code queue} and before an element with several inputs.
 */
public final class PipelineRunner implements AutoCloseable {
    /** How long an aborted pipeline waits for its threads before it ends without them. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(2);

    /** The size of the channel before each input of an element with several inputs. */
    public static final int DEFAULT_JOIN_CAPACITY = 64;

    private final MemoryService memory;
    private final PlanPrinter printer;
    private final Duration grace;
    private final int joinCapacity;
    private final Watchdog watchdog = new Watchdog();

    /** A runner with the default grace and join capacity. */
    public PipelineRunner(MemoryService memory, PlanPrinter printer) {
        this(memory, printer, DEFAULT_GRACE, DEFAULT_JOIN_CAPACITY);
    }

    /**
     * @param memory what elements get from {@code ElementContext.memory()}
     * @param printer draws the plans for {@code toDot()} and {@code toJson()}
     * @param grace how long an aborted pipeline waits for its threads to come back
     * @param joinCapacity the size of the channel before each input of an element with several inputs
     */
    public PipelineRunner(MemoryService memory, PlanPrinter printer, Duration grace, int joinCapacity) {
        this.memory = Objects.requireNonNull(memory, "memory");
        this.printer = Objects.requireNonNull(printer, "printer");
        this.grace = Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("Pipeline grace period must not be negative: " + grace);
        }
        if (joinCapacity < 1) {
            throw new IllegalArgumentException("Pipeline join capacity must be at least 1: " + joinCapacity);
        }
        this.joinCapacity = joinCapacity;
    }

    /**
     * A pipeline running {@code plan}, not started. It takes the plan's factories over (closing them when it is
     * closed); if this throws, they stay the caller's.
     *
     * @throws IllegalArgumentException if the plan's links do not match its elements' pads, naming the element
     */
    public RunningPipeline create(Plan plan) {
        return new RunningPipeline(plan, memory, printer, watchdog, grace, joinCapacity);
    }

    /** Stops the watchdog: pipelines still running lose their deadlines and periodic statistics. */
    @Override
    public void close() {
        watchdog.close();
    }
}

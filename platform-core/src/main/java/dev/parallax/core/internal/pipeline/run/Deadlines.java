package dev.parallax.core.internal.pipeline.run;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The deadline check of one pipeline, run by the {@link Watchdog}'s thread only.
 *
 * <p>No clock is read per call: each node's call counter is odd while its thread is in the element's code, and a
 * call is the same call as long as the counter has not moved. The watchdog notes when it first saw a call, and
 * reports the element once that call has lasted longer than the deadline: a hung call is found between one
 * deadline and one deadline plus two watchdog periods after it began.
 */
final class Deadlines {
    private static final long MIN_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final Node[] nodes;
    private final long[] limits;
    private final long[] seen;
    private final long[] since;
    private final Run run;
    private final long shortest;

    Deadlines(List<Node> all, Run run) {
        List<Node> watched = all.stream()
                .filter(node -> !node.plan.settings().deadline().isZero())
                .toList();
        this.nodes = watched.toArray(Node[]::new);
        this.limits = watched.stream()
                .mapToLong(node -> node.plan.settings().deadline().toNanos())
                .toArray();
        this.seen = new long[nodes.length];
        this.since = new long[nodes.length];
        this.run = run;
        this.shortest = Arrays.stream(limits).min().orElse(Long.MAX_VALUE);
    }

    /** How often to check: a quarter of the shortest deadline, between 1 ms and {@code longest}. */
    long tickNanos(long longest) {
        return Math.max(MIN_TICK_NANOS, Math.min(longest, shortest / 4));
    }

    /** Fails the pipeline if an element has been in one call for longer than its deadline. */
    void check(long now) {
        if (run.aborting()) {
            return;
        }
        for (int i = 0; i < nodes.length; i++) {
            long calls = nodes[i].stats.calls();
            if ((calls & 1) == 0) {
                seen[i] = -1;
            } else if (calls != seen[i]) {
                seen[i] = calls;
                since[i] = now;
            } else if (now - since[i] > limits[i]) {
                run.fail(
                        nodes[i].name,
                        "Element '" + nodes[i].name + "' spent more than its deadline of "
                                + TimeUnit.NANOSECONDS.toMillis(limits[i])
                                + " ms in one call; the pipeline is stopped");
                return;
            }
        }
    }
}

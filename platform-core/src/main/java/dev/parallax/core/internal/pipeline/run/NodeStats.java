package dev.parallax.core.internal.pipeline.run;

import dev.parallax.api.pipeline.ElementStats;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One element's counters, written by the one thread that runs the element and read by any thread.
 *
 * <p>Plain single-writer counters: the writer reads its own value plainly and stores the next one with an opaque
 * store (a plain move on x86-64, which the compiler may neither drop nor hoist out of a loop), and readers load them
 * opaquely, so the counts are never torn and become visible soon, at no cost of an atomic instruction or an
 * allocation per buffer. The counters sit in the middle of an array, a cache line clear of its ends, so that no
 * other thread's hot data shares their lines.
 *
 * <p>The call counter tells the watchdog whether the element is in a call and whether that call is the one it saw
 * last time: it is odd while the thread is inside the element's own code and goes up by one on each entry and exit.
 */
final class NodeStats {
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);

    /** Longs per cache line. */
    private static final int LINE = 8;

    private static final int CALLS = LINE;
    private static final int IN = LINE + 1;
    private static final int BYTES_IN = LINE + 2;
    private static final int OUT = LINE + 3;
    private static final int BYTES_OUT = LINE + 4;
    private static final int DROPPED = LINE + 5;
    private static final int RESTARTS = LINE + 6;
    private static final int SAMPLED_NANOS = LINE + 7;
    private static final int SAMPLES = LINE + 8;
    private static final int MAX_NANOS = LINE + 9;
    private static final int PRODUCE_CALLS = LINE + 10;

    private final long[] counts = new long[3 * LINE];

    /** Counts a buffer received and returns how many came before it. */
    long received(long bytes) {
        long[] c = counts;
        long before = c[IN];
        LONGS.setOpaque(c, IN, before + 1);
        LONGS.setOpaque(c, BYTES_IN, c[BYTES_IN] + bytes);
        return before;
    }

    /** Counts a buffer pushed on. */
    void sent(long bytes) {
        long[] c = counts;
        LONGS.setOpaque(c, OUT, c[OUT] + 1);
        LONGS.setOpaque(c, BYTES_OUT, c[BYTES_OUT] + bytes);
    }

    /** Counts a call to a source's produce and returns how many came before it. */
    long produced() {
        long[] c = counts;
        long before = c[PRODUCE_CALLS];
        LONGS.setOpaque(c, PRODUCE_CALLS, before + 1);
        return before;
    }

    /** The thread enters the element's code. */
    void enter() {
        LONGS.setOpaque(counts, CALLS, counts[CALLS] + 1);
    }

    /** The thread leaves the element's code (returns from it, or pushes to a next element). */
    void leave() {
        LONGS.setOpaque(counts, CALLS, counts[CALLS] + 1);
    }

    /** The call counter: odd while in a call; any thread. */
    long calls() {
        return (long) LONGS.getOpaque(counts, CALLS);
    }

    /** Counts a dropped buffer. */
    void dropped() {
        LONGS.setOpaque(counts, DROPPED, counts[DROPPED] + 1);
    }

    /** Counts a restart or swap. */
    void restarted() {
        LONGS.setOpaque(counts, RESTARTS, counts[RESTARTS] + 1);
    }

    /** Adds one latency sample. */
    void sample(long nanos) {
        long[] c = counts;
        LONGS.setOpaque(c, SAMPLED_NANOS, c[SAMPLED_NANOS] + nanos);
        LONGS.setOpaque(c, SAMPLES, c[SAMPLES] + 1);
        if (nanos > c[MAX_NANOS]) {
            LONGS.setOpaque(c, MAX_NANOS, nanos);
        }
    }

    /**
     * The counts now, from any thread.
     *
     * @param source whether the element is a source, whose received counts are the ones it produced
     */
    ElementStats snapshot(String element, String factory, String version, boolean source) {
        long out = read(OUT);
        long samples = read(SAMPLES);
        return new ElementStats(
                element,
                factory,
                version,
                source ? out : read(IN),
                out,
                source ? read(BYTES_OUT) : read(BYTES_IN),
                read(DROPPED),
                (int) read(RESTARTS),
                samples == 0 ? 0 : read(SAMPLED_NANOS) / samples,
                read(MAX_NANOS));
    }

    private long read(int index) {
        return (long) LONGS.getOpaque(counts, index);
    }
}

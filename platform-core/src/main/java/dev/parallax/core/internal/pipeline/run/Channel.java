package dev.parallax.core.internal.pipeline.run;

import dev.parallax.api.buffer.Buffer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A bounded single-producer single-consumer ring of buffers between two threads of a pipeline: the thread
 * boundary at a {@code queue} and before an element with several inputs.
 *
 * <p>Lock-free: the producer writes a slot then publishes its tail, the consumer reads the slot then publishes its
 * head, and each keeps a cached copy of the other's index so that it reads the shared one only when its copy says
 * the ring is full (or empty). The head and the tail each live on a cache line of their own.
 *
 * <p>Waiting: a producer that finds the ring full spins briefly, yields, then parks after raising a flag (how long
 * it spins adapts, as in {@link #spinsAfter}); the consumer looks at that flag, behind a full fence, each time its head passes a multiple of half the capacity, so a
 * parked producer wakes when half the ring is free again and a running one costs the consumer one fence per half
 * ring. The consumer's waiting is {@link Inbox}'s: the producer looks at its flag, behind the fence of its tail's
 * volatile store, after each offer. A hop therefore costs a few plain stores and one fence while both sides run,
 * and a park and unpark only when one side really waits for the other.
 *
 * <p>Ownership: an offered buffer belongs to the channel until polled. When both threads are done with the
 * channel (each calls {@link #closeEnd()} once as it exits, whatever the reason), the last one releases whatever
 * is left in it.
 */
final class Channel {
    /** The item that ends the stream on this channel. */
    static final Object END = new Object() {
        @Override
        public String toString() {
            return "end of stream";
        }
    };

    /** The fewest and most times a side spins on the other's index before it yields the carrier. */
    static final int MIN_SPINS = 8;

    static final int MAX_SPINS = 512;

    /** How many times a side yields before it parks. */
    static final int YIELDS = 2;

    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);

    /** Longs per cache line. */
    private static final int LINE = 8;

    // The consumer's line, a line clear of the array header, and the producer's line two lines further on.
    private static final int HEAD = 2 * LINE;
    private static final int CACHED_TAIL = HEAD + 1;
    private static final int TAIL = 4 * LINE;
    private static final int CACHED_HEAD = TAIL + 1;
    private static final int PRODUCER_WAITING = TAIL + 2;
    private static final int PRODUCER_SPINS = TAIL + 3;

    private final long[] indexes = new long[6 * LINE];
    private final Object[] ring;
    private final int mask;
    private final int capacity;
    private final long wakeMask;
    private final Inbox inbox;
    private final Run run;
    private final String name;
    private final AtomicInteger openEnds = new AtomicInteger(2);

    /** Written by the producer before it raises its waiting flag, read by the consumer after seeing the flag. */
    private Thread producer;

    /**
     * @param name what the channel feeds, for messages ({@code "queue0 input 0"})
     * @param capacity the most buffers in the ring, 1 to 2^30
     * @param inbox the consumer's inbox, woken after each offer
     */
    Channel(String name, int capacity, Inbox inbox, Run run) {
        if (capacity < 1 || capacity > 1 << 30) {
            throw new IllegalArgumentException(
                    "Channel to " + name + " capacity must be 1 to " + (1 << 30) + ": " + capacity);
        }
        this.name = name;
        this.capacity = capacity;
        this.ring = new Object[capacity == 1 ? 1 : Integer.highestOneBit(capacity - 1) << 1];
        this.mask = ring.length - 1;
        this.wakeMask = Integer.highestOneBit(Math.max(1, capacity / 2)) - 1L;
        this.inbox = inbox;
        this.run = run;
        this.indexes[PRODUCER_SPINS] = MIN_SPINS;
    }

    /** The most buffers the ring holds. */
    int capacity() {
        return capacity;
    }

    /**
     * Offers {@code item} (a buffer or {@link #END}), waiting while the ring is full. Producer thread only.
     *
     * @throws Abort if the pipeline aborts while waiting; the item is released then
     */
    void offer(Object item) {
        long[] at = indexes;
        long tail = at[TAIL];
        if (tail - at[CACHED_HEAD] >= capacity) {
            long head = (long) LONGS.getAcquire(at, HEAD);
            at[CACHED_HEAD] = head;
            if (tail - head >= capacity) {
                awaitSpace(tail, item);
            }
        }
        ring[(int) tail & mask] = item;
        LONGS.setVolatile(at, TAIL, tail + 1);
        inbox.wake();
    }

    /** The next item, a buffer or {@link #END}, or {@code null} if the ring is empty. Consumer thread only. */
    Object poll() {
        long[] at = indexes;
        long head = at[HEAD];
        if (head >= at[CACHED_TAIL]) {
            long tail = (long) LONGS.getAcquire(at, TAIL);
            at[CACHED_TAIL] = tail;
            if (head >= tail) {
                return null;
            }
        }
        int slot = (int) head & mask;
        Object item = ring[slot];
        ring[slot] = null;
        LONGS.setRelease(at, HEAD, head + 1);
        if (((head + 1) & wakeMask) == 0) {
            wakeProducer();
        }
        return item;
    }

    /** Whether an item is waiting. Consumer thread only. */
    boolean hasItem() {
        return (long) LONGS.getVolatile(indexes, TAIL) > indexes[HEAD];
    }

    /** Wakes the producer if it parked on a full ring. */
    void wakeProducer() {
        VarHandle.fullFence();
        if ((long) LONGS.getVolatile(indexes, PRODUCER_WAITING) != 0) {
            LockSupport.unpark(producer);
        }
    }

    /** Called once by each side's thread as it exits; the second call releases the buffers left in the ring. */
    void closeEnd() {
        if (openEnds.decrementAndGet() == 0) {
            for (Object item = poll(); item != null; item = poll()) {
                release(item);
            }
        }
    }

    private void awaitSpace(long tail, Object item) {
        long[] at = indexes;
        int spins = (int) at[PRODUCER_SPINS];
        for (int round = 0; ; round++) {
            if (run.aborting()) {
                release(item);
                throw Abort.INSTANCE;
            }
            long head = (long) LONGS.getAcquire(at, HEAD);
            if (tail - head < capacity) {
                at[CACHED_HEAD] = head;
                at[PRODUCER_SPINS] = spinsAfter(spins, round, false);
                return;
            }
            if (round < spins) {
                Thread.onSpinWait();
            } else if (round < spins + YIELDS) {
                Thread.yield();
            } else {
                producer = Thread.currentThread();
                LONGS.setVolatile(at, PRODUCER_WAITING, 1L);
                if (tail - (long) LONGS.getVolatile(at, HEAD) >= capacity && !run.aborting()) {
                    LockSupport.park(this);
                }
                LONGS.setOpaque(at, PRODUCER_WAITING, 0L);
                Thread.interrupted(); // only an abort interrupts a pipeline thread, and the loop checks for it
                spins = spinsAfter(spins, round, true);
                at[PRODUCER_SPINS] = spins;
                round = spins + YIELDS; // park again if still full
            }
        }
    }

    /**
     * The spin budget for a side's next wait, after a wait that ended at {@code round}: doubled when the spin found
     * the other side's progress (it runs on another core, and spinning spares a park and an unpark), halved when
     * the wait had to park (the other side was not running, and spinning only burnt the time it needed).
     */
    static int spinsAfter(int spins, int round, boolean parked) {
        if (parked) {
            return Math.max(MIN_SPINS, spins >> 1);
        }
        return round < spins ? Math.min(MAX_SPINS, spins << 1) : spins;
    }

    private static void release(Object item) {
        if (item instanceof Buffer buffer && !buffer.isReleased()) {
            buffer.release();
        }
    }

    @Override
    public String toString() {
        return "channel to " + name + " (" + capacity + " buffers)";
    }
}

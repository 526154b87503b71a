package dev.parallax.core.internal.pipeline.ipc;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * How a side waits for its ring: tight polls for 1 us, then a {@link Thread#yield()} per turn until the spin time is
 * up, then parks of at most a millisecond with a doorbell. A side with a core of its own may busy-poll instead
 * ({@link #BUSY_POLL}): the lowest latency, for a core's worth of CPU while it waits.
 *
 * <p>Why this order, measured between two processes on the 2-core benchmark machine while other builds kept it
 * loaded (load average 5 to 8; docs/ipc.md has the figures):
 *
 * <ul>
 *   <li>Tight polls first: a round trip with both sides on cores of their own takes about half a microsecond, and
 *       {@link Thread#onSpinWait()} made it no shorter there (a virtual machine).
 *   <li>Then yields: with more runnable threads than cores, a side that spins through its time slice keeps its
 *       peer, the one thread that can end the wait, off the core. Polling with {@code onSpinWait} only, the
 *       throughput was 0.2 to 0.5 million buffers per second; yielding, 2 to 4 million.
 *   <li>Soon: a yield that lets another program run costs microseconds, and each side's yield makes the other's
 *       next wait longer, so the round trip's median grew with the polling time before the first yield: 5 us after
 *       0.3 us of polling, 6.4 us after 1 us, 14.4 us after 5 us with a yield every fourth turn. 1 us still covers
 *       a round trip on an idle machine, where a yield finds nothing else to run and returns at once.
 * </ul>
 *
 * <p>The doorbell: before parking, the waiting side sets its sleeping flag in the shared header (a volatile store)
 * and looks at its ring once more. A producer, after publishing, fences and reads the flag; when it is set, the
 * producer clears it and sends {@link Message.Wake} on the control socket, whose reader thread unparks the waiter.
 * The two fences make sure that either the waiter sees the new entry or the producer sees the flag, so a parked
 * waiter is woken in tens of microseconds instead of at the end of its park. The caller checks the peer's state
 * before each turn; the control socket's reader thread also unparks the waiter when the peer fails, so nothing
 * waits past the peer's death by more than a park.
 *
 * <p>Used by one thread at a time.
 */
final class Backoff {
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();

    /** How long a wait polls tightly before it yields: a round trip with both sides on a core of their own. */
    private static final long TIGHT_NANOS = 1_000;

    /** The spin time that makes a side poll tightly for good: never pause, yield or park. */
    static final long BUSY_POLL = Long.MAX_VALUE;

    /** Tight polls between two looks at the clock. */
    private static final int CLOCK_EVERY = 64;

    /** The longest park: the bound on noticing a stop request, and a safety net for a lost wake-up. */
    private static final long PARK_NANOS = 1_000_000;

    private final MemorySegment file;
    private final long sleepingAt;
    private final long spinNanos;
    private final BooleanSupplier ready;
    private volatile Thread parked;
    private int turns;
    private boolean tight;
    private long spinStart;

    /**
     * @param file the shared file
     * @param sleepingAt where this side's sleeping flag is in it
     * @param spinNanos how long to spin before parking; {@link #BUSY_POLL} polls tightly for good, for a side with a
     *     core of its own
     * @param ready whether what the side waits for is there, looked at once more before parking
     */
    Backoff(MemorySegment file, long sleepingAt, long spinNanos, BooleanSupplier ready) {
        this.file = file;
        this.sleepingAt = sleepingAt;
        this.spinNanos = spinNanos;
        this.ready = ready;
    }

    /** One turn of waiting: returns soon, whether or not the side's ring became ready. */
    void idle() {
        if (spinNanos == BUSY_POLL) {
            return;
        }
        if (turns++ == 0) {
            spinStart = System.nanoTime();
            tight = true;
            return;
        }
        if (tight) {
            if ((turns & (CLOCK_EVERY - 1)) != 0 || System.nanoTime() - spinStart < Math.min(TIGHT_NANOS, spinNanos)) {
                return;
            }
            tight = false;
        }
        if (System.nanoTime() - spinStart < spinNanos) {
            Thread.yield();
            return;
        }
        parked = Thread.currentThread();
        INT.setVolatile(file, sleepingAt, 1);
        if (!ready.getAsBoolean()) {
            LockSupport.parkNanos(this, PARK_NANOS);
        }
        INT.setVolatile(file, sleepingAt, 0);
    }

    /** The wait is over: the next one starts with tight polls again. */
    void reset() {
        turns = 0;
    }

    /** Unparks the waiting thread, if one parked; a spurious unpark only costs it one turn. */
    void wake() {
        Thread thread = parked;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    /**
     * Producer side, after publishing: rings the peer's doorbell if it is parked, or about to park.
     *
     * @param peerSleepingAt where the peer's sleeping flag is
     */
    static void ring(MemorySegment file, long peerSleepingAt, ControlChannel control) {
        VarHandle.fullFence(); // the entry's store before the flag's load: pairs with the waiter's volatile store
        if ((int) INT.getVolatile(file, peerSleepingAt) != 0 && INT.compareAndSet(file, peerSleepingAt, 1, 0)) {
            control.ring();
        }
    }
}

package dev.parallax.core.internal.pipeline.ipc;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * How a side waits for its ring: a few tight polls, then polls with {@link Thread#onSpinWait()} for the spin time
 * (every fourth turn a {@link Thread#yield()} instead), then parks of at most a millisecond with a doorbell.
 *
 * <p>The yields: on a machine with more runnable threads than cores, a side that spins through its whole time slice
 * keeps its peer, the one thread that can end the wait, off the core. Yielding every fourth turn raised the
 * throughput between two processes from 0.2-0.5 to 2-5 million buffers per second on the 2-core machine while other
 * builds kept it loaded (load average 7 to 8); on an idle machine it costs nothing, since the round trip (under a
 * microsecond) ends within the tight polls and the yield finds nobody to run.
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

    /** Polls before the first pause: a buffer is often a few hundred nanoseconds away. */
    private static final int TIGHT_SPINS = 128;

    /** The longest park: the bound on noticing a stop request, and a safety net for a lost wake-up. */
    private static final long PARK_NANOS = 1_000_000;

    /** Spin turns per yield: a power of two. */
    private static final int YIELD_EVERY = 4;

    private final MemorySegment file;
    private final long sleepingAt;
    private final long spinNanos;
    private final BooleanSupplier ready;
    private volatile Thread parked;
    private int turns;
    private int spins;
    private long spinStart;

    /**
     * @param file the shared file
     * @param sleepingAt where this side's sleeping flag is in it
     * @param spinNanos how long to spin before parking; {@link Long#MAX_VALUE} never parks
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
        if (turns < TIGHT_SPINS) {
            turns++;
            return;
        }
        if (turns == TIGHT_SPINS) {
            turns++;
            spinStart = System.nanoTime();
        }
        if (System.nanoTime() - spinStart < spinNanos) {
            if ((++spins & (YIELD_EVERY - 1)) == 0) {
                Thread.yield();
            } else {
                Thread.onSpinWait();
            }
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

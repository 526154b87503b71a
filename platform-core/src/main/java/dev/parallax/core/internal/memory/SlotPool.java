package dev.parallax.core.internal.memory;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.ExhaustionPolicy;
import dev.parallax.api.buffer.MemoryPool;
import dev.parallax.api.buffer.Metadata;
import dev.parallax.api.buffer.PoolConfig;
import dev.parallax.api.buffer.PoolStats;
import dev.parallax.api.buffer.SegmentKind;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A pool of fixed-size slots in one region.
 *
 * <p>Loan: take a free index from the {@link FreeList}, start the slot's handle count, make a handle. Return, when
 * the last handle is released: give the index back, and only when a loan is waiting, take the lock to wake it. A
 * loan that finds the pool exhausted first spins briefly and yields (in a pipeline the thread downstream releases a
 * slot within microseconds), then waits on the lock and condition, which serve the waiting loans alone: a waiter
 * counts itself in {@link #waiters} before its last look at the free list, so a return that comes after that look
 * sees the count and wakes it, and no wake-up is lost.
 *
 * <p>No shared counter is written per loan, and each slot's handle count, loan number and free-list link share the
 * slot's one cache line: a buffer loaned on one thread and released on another moves that line across once each
 * way, and the free list's heads only once per batch. The statistics come from elsewhere: a slot is in use while
 * its handle count is above zero ({@link #stats()} reads them all), and the high-water mark is the free list's
 * count of slots ever taken.
 */
final class SlotPool implements MemoryPool {
    /** Ints per cache line. */
    private static final int LINE_INTS = 16;

    /** Where in a slot's line the free list keeps its link: after the handle count and the loan number. */
    private static final int LINK = 2;

    /** How many times an exhausted loan looks again, pausing, then yielding, before it blocks. */
    private static final int SPINS = 1024;

    private static final int YIELDS = 4;

    private final PoolConfig config;
    private final Region region;
    private final Slot[] slots;

    /** Each slot's hot state on a cache line of its own: {@code [handles, loans, free-list link, padding...]}. */
    private final int[] states;

    private final FreeList free;
    private final AtomicInteger waiters = new AtomicInteger();
    private final AtomicLong waits = new AtomicLong();
    private final AtomicLong timeouts = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition returned = lock.newCondition();
    private volatile boolean closed;

    /** A pool over {@code region}, which holds {@code config.slots()} slots {@code stride} bytes apart. */
    SlotPool(PoolConfig config, Region region, long stride) {
        this.config = config;
        this.region = region;
        this.slots = new Slot[config.slots()];
        this.states = new int[Math.multiplyExact(config.slots() + 2, LINE_INTS)];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new Slot(i, region.segment().asSlice(i * stride, config.slotSize()));
        }
        this.free = new FreeList(slots.length, states, LINE_INTS, LINK);
    }

    /** The distance between slots: the slot size rounded up to the alignment. */
    static long stride(PoolConfig config) {
        long mask = config.alignment() - 1;
        return Math.addExact(config.slotSize(), mask) & ~mask;
    }

    @Override
    public PoolConfig config() {
        return config;
    }

    @Override
    public SegmentKind kind() {
        return region.kind();
    }

    /** Why the memory is not of the kind asked for (huge pages unavailable), or an empty string. */
    String note() {
        return region.note();
    }

    @Override
    public Buffer loan() throws InterruptedException {
        if (closed) {
            throw closedError();
        }
        int index = free.pop();
        if (index < 0) {
            index = exhausted();
        }
        Slot slot = slots[index];
        int loan = slot.nextLoan();
        slot.lend();
        return new BufferHandle(slot, slot.segment, 0, loan, Metadata.EMPTY);
    }

    private int exhausted() throws InterruptedException {
        if (config.whenExhausted() == ExhaustionPolicy.FAIL) {
            failures.incrementAndGet();
            throw new IllegalStateException("Pool '" + config.name() + "' is exhausted: all " + slots.length
                    + " slots of " + config.slotSize() + " bytes are on loan; release buffers sooner, add slots,"
                    + " or use ExhaustionPolicy.WAIT to wait for one");
        }
        waits.incrementAndGet();
        for (int round = 0; round < SPINS + YIELDS; round++) {
            if (closed) {
                throw closedError();
            }
            int index = free.pop();
            if (index >= 0) {
                return index;
            }
            if (round < SPINS) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        long remaining = config.waitTimeout().toNanos();
        lock.lockInterruptibly();
        waiters.incrementAndGet();
        try {
            while (true) {
                if (closed) {
                    throw closedError();
                }
                int index = free.pop();
                if (index >= 0) {
                    return index;
                }
                if (remaining <= 0) {
                    timeouts.incrementAndGet();
                    throw new IllegalStateException("Pool '" + config.name() + "' stayed exhausted for "
                            + config.waitTimeout().toMillis() + " ms: all " + slots.length + " slots of "
                            + config.slotSize() + " bytes are on loan; release buffers sooner, add slots, or raise"
                            + " the wait timeout");
                }
                remaining = returned.awaitNanos(remaining);
            }
        } finally {
            waiters.decrementAndGet();
            lock.unlock();
        }
    }

    /** Takes a slot whose last handle was released back into the free list. */
    private void giveBack(Slot slot) {
        if (closed) {
            return; // the memory is gone; nothing to give back to
        }
        free.push(slot.index);
        if (waiters.get() > 0) {
            lock.lock();
            try {
                returned.signal();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Reads every slot's handle count: for monitoring, not for the per-buffer path. */
    @Override
    public PoolStats stats() {
        int inUse = 0;
        for (Slot slot : slots) {
            if (slot.handles() > 0) {
                inUse++;
            }
        }
        return new PoolStats(
                config.name(), slots.length, inUse, free.taken(), waits.get(), timeouts.get(), failures.get());
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            returned.signalAll();
        } finally {
            lock.unlock();
        }
        region.close();
    }

    private IllegalStateException closedError() {
        return new IllegalStateException("Pool '" + config.name() + "' is closed: no more loans");
    }

    @Override
    public String toString() {
        return "MemoryPool '" + config.name() + "' (" + slots.length + " x " + config.slotSize() + " bytes, "
                + region.kind() + ")";
    }

    /** A slot and its count of handles. */
    private final class Slot extends Lease {
        final int index;
        final MemorySegment segment;

        /** Where the slot's state starts in {@link #states}: one line in, clear of the array's header. */
        private final int at;

        Slot(int index, MemorySegment segment) {
            super(states, (index + 1) * LINE_INTS);
            this.index = index;
            this.segment = segment;
            this.at = (index + 1) * LINE_INTS;
        }

        /**
         * Counts a loan and returns its number, which tells loans apart in messages. Plain accesses: the slot is its
         * loaner's alone until its handle is released, and the free list's compare-and-set orders one loaner after
         * the other.
         */
        int nextLoan() {
            return ++states[at + 1];
        }

        @Override
        protected boolean isOpen() {
            return !closed;
        }

        @Override
        protected void reclaim() {
            giveBack(this);
        }

        @Override
        protected String describe() {
            return "pool '" + config.name() + "' slot " + index;
        }
    }
}

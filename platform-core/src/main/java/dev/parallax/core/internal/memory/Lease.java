package dev.parallax.core.internal.memory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Memory lent out as buffers, counted by the handles over it: a pool slot or an allocation. The last handle's
 * release gives the memory back ({@link #reclaim()}).
 *
 * <p>The count can only reach zero once per lending, because a handle releases at most once (its own released
 * mark is swapped atomically) and a live handle keeps the count at one or more.
 *
 * <p>Pools and allocators here lend leases; so does the multi-process transport ({@code pipeline.ipc}), whose
 * shared-memory slots are leases too, so that every {@link BufferHandle} keeps one contract.
 *
 * <p>The count lives in an {@code int[]} at an index the subclass chooses: a pool keeps all its slots' counts in one
 * array, each on a cache line of its own, because neighbouring slot objects on one line made two threads slow each
 * other down (benchmarks/memory, {@code loanReturn2Threads}).
 */
public abstract class Lease {
    private static final VarHandle COUNT = MethodHandles.arrayElementVarHandle(int[].class);

    private final int[] counts;
    private final int at;

    /** A lease whose count is {@code counts[at]}. */
    protected Lease(int[] counts, int at) {
        this.counts = counts;
        this.at = at;
    }

    /** Starts a lending with one handle; the caller owns the memory exclusively at this point. */
    public final void lend() {
        COUNT.setRelease(counts, at, 1);
    }

    /** Adds a handle (a slice or share of a live one, so the count is at least one). */
    public final void retain() {
        COUNT.getAndAdd(counts, at, 1);
    }

    /** Drops a handle; the last one gives the memory back. */
    public final void drop() {
        int before = (int) COUNT.getAndAdd(counts, at, -1);
        if (before == 1) {
            reclaim();
        } else if (before < 1) {
            // cannot happen while each handle releases once; say so loudly rather than give a slot back twice
            throw new IllegalStateException(describe() + " lost count of its handles: " + (before - 1));
        }
    }

    /** The number of live handles, for tests and statistics. */
    public final int handles() {
        return (int) COUNT.getVolatile(counts, at);
    }

    /**
     * Ends the lending without giving the memory back: its one handle handed the memory over elsewhere (a
     * transport slot sent to the other process).
     */
    public final void clear() {
        COUNT.setRelease(counts, at, 0);
    }

    /** Whether the memory can still be read: false once its pool or arena is closed. */
    protected abstract boolean isOpen();

    /** Gives the memory back: to its pool's free list, or to the system. */
    protected abstract void reclaim();

    /** Names the memory in messages, e.g. {@code pool 'frames' slot 3}. */
    protected abstract String describe();

    /** What one lending is called in messages: {@code loan}, or {@code received} for a transport's receiver. */
    protected String lending() {
        return "loan";
    }
}

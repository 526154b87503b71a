package dev.parallax.core.internal.memory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Memory lent out as buffers, counted by the handles over it: a pool slot or an allocation. The last handle's
 * release gives the memory back ({@link #reclaim()}).
 *
 * <p>The count can only reach zero once per lending, because a handle releases at most once (its own released
 * mark is swapped atomically) and a live handle keeps the count at one or more.
 */
abstract class Lease {
    private static final VarHandle HANDLES;

    static {
        try {
            HANDLES = MethodHandles.lookup().findVarHandle(Lease.class, "handles", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through HANDLES
    private volatile int handles;

    /** Starts a lending with one handle; the caller owns the memory exclusively at this point. */
    final void lend() {
        HANDLES.setRelease(this, 1);
    }

    /** Adds a handle (a slice or share of a live one, so the count is at least one). */
    final void retain() {
        HANDLES.getAndAdd(this, 1);
    }

    /** Drops a handle; the last one gives the memory back. */
    final void drop() {
        int before = (int) HANDLES.getAndAdd(this, -1);
        if (before == 1) {
            reclaim();
        } else if (before < 1) {
            // cannot happen while each handle releases once; say so loudly rather than give a slot back twice
            throw new IllegalStateException(describe() + " lost count of its handles: " + (before - 1));
        }
    }

    /** The number of live handles, for tests and statistics. */
    final int handles() {
        return (int) HANDLES.getVolatile(this);
    }

    /** Whether the memory can still be read: false once its pool or arena is closed. */
    abstract boolean isOpen();

    /** Gives the memory back: to its pool's free list, or to the system. */
    abstract void reclaim();

    /** Names the memory in messages, e.g. {@code pool 'frames' slot 3}. */
    abstract String describe();
}

package dev.parallax.core.internal.memory;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The free slots of a pool: a lock-free stack (Treiber) of slot indexes, last returned first loaned, so that a
 * loan gets the slot most likely still in cache.
 *
 * <p>The head packs the top index (low 32 bits, -1 when empty) with a tag (high 32 bits) that every push and pop
 * increments. The tag defeats the ABA problem: a pop that read the head, stalled while others popped and pushed the
 * same top index back, fails its compare-and-set because the tag moved on. It would take 2^32 operations during
 * one stall for the tag to come round again.
 */
final class FreeList {
    private static final long INDEX_MASK = 0xFFFF_FFFFL;
    private static final long TAG_ONE = 1L << 32;

    /** {@code below[i]}: the index under slot {@code i} on the stack; written before the push publishes it. */
    private final int[] below;

    private final AtomicLong head = new AtomicLong(INDEX_MASK); // tag 0, empty (-1)

    /** A stack holding every index from 0 to {@code size - 1}, with 0 on top. */
    FreeList(int size) {
        below = new int[size];
        for (int i = size - 1; i >= 0; i--) {
            push(i);
        }
    }

    /** Takes the top index, or returns -1 when the stack is empty. */
    int pop() {
        while (true) {
            long current = head.get();
            int top = (int) current;
            if (top < 0) {
                return -1;
            }
            // may be stale if another thread popped 'top' meanwhile; the tag makes the CAS fail then
            int next = below[top];
            long replacement = ((current & ~INDEX_MASK) + TAG_ONE) | (next & INDEX_MASK);
            if (head.compareAndSet(current, replacement)) {
                return top;
            }
        }
    }

    /** Puts {@code index} on top; the caller owns it (popped it, or is filling the stack). */
    void push(int index) {
        while (true) {
            long current = head.get();
            below[index] = (int) current;
            long replacement = ((current & ~INDEX_MASK) + TAG_ONE) | (index & INDEX_MASK);
            if (head.compareAndSet(current, replacement)) {
                return;
            }
        }
    }
}

package dev.parallax.core.internal.memory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The free slots of a pool, arranged so that a loaning thread and a returning thread touch each other's cache lines
 * as little as possible: the common pipeline case, one thread loaning buffers and the thread after a queue
 * releasing them.
 *
 * <p>Three places hold free slots. Returns push onto the <em>returned</em> stack (lock-free, Treiber). Loans pop
 * from the <em>loanable</em> stack; when it is empty, a loan takes the whole returned stack in one step, keeps its
 * top and moves the rest onto the loanable stack. When both are empty a loan takes a never-loaned slot, counting up
 * from 0. The two stack heads sit on cache lines of their own, so a loaner and a returner each keep theirs in cache
 * and meet on a head only once per batch, not once per buffer. Each slot's link lives in the slot's own state line
 * (the caller's {@code lines} array), which both threads touch anyway to count the slot's handles.
 *
 * <p>A never-loaned slot is taken only when every slot loaned so far is on loan (or on its way back), so the
 * number of slots ever taken is the most that were on loan at once: the pool's high-water mark, at no cost per
 * loan.
 *
 * <p>Each head packs the top index (low 32 bits, -1 when empty) with a tag (high 32 bits) that every change
 * increments. The tag defeats the ABA problem: a pop that read the head, stalled while others popped and pushed the
 * same top index back, fails its compare-and-set because the tag moved on.
 */
final class FreeList {
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final long INDEX_MASK = 0xFFFF_FFFFL;
    private static final long TAG_ONE = 1L << 32;
    private static final long EMPTY = INDEX_MASK; // tag 0, index -1

    /** Longs per cache line. */
    private static final int LINE_LONGS = 8;

    // each on a line of its own, with a line clear of the array header before the first
    private static final int LOANABLE = LINE_LONGS;
    /** Chains taken off the returned stack and not yet on the loanable one: the loaners' line. */
    private static final int MOVING = LOANABLE + 1;

    private static final int RETURNED = 3 * LINE_LONGS;
    private static final int TAKEN = 5 * LINE_LONGS;

    private final long[] heads = new long[7 * LINE_LONGS];
    private final int size;
    private final int[] lines;
    private final int lineInts;
    private final int linkOffset;

    /**
     * A free list of slots {@code 0} to {@code size - 1}, none taken yet.
     *
     * @param lines the slots' state lines: slot {@code i}'s link is {@code lines[(i + 1) * lineInts + linkOffset]}
     */
    FreeList(int size, int[] lines, int lineInts, int linkOffset) {
        this.size = size;
        this.lines = lines;
        this.lineInts = lineInts;
        this.linkOffset = linkOffset;
        LONGS.setVolatile(heads, LOANABLE, EMPTY);
        LONGS.setVolatile(heads, RETURNED, EMPTY);
    }

    /** Takes a free index, or returns -1 when every slot is on loan. */
    int pop() {
        while (true) {
            long current = (long) LONGS.getVolatile(heads, LOANABLE);
            int top = (int) current;
            if (top >= 0) {
                // may be stale if another thread popped 'top' meanwhile; the tag makes the CAS fail then
                int next = lines[link(top)];
                if (LONGS.compareAndSet(heads, LOANABLE, current, retag(current, next))) {
                    return top;
                }
                continue;
            }
            int index = refill();
            if (index >= 0) {
                return index;
            }
            // none returned, none never loaned: exhausted, unless slots moved onto the loanable stack meanwhile
            // (its tag moved on) or are on their way there (another loaner took them off the returned stack)
            if ((long) LONGS.getVolatile(heads, MOVING) == 0 && (long) LONGS.getVolatile(heads, LOANABLE) == current) {
                return -1;
            }
            Thread.onSpinWait();
        }
    }

    /** Puts {@code index} back; the caller owns it (popped it and is done with it). */
    void push(int index) {
        int at = link(index);
        while (true) {
            long current = (long) LONGS.getVolatile(heads, RETURNED);
            lines[at] = (int) current;
            if (LONGS.compareAndSet(heads, RETURNED, current, retag(current, index))) {
                return;
            }
        }
    }

    /** How many slots have ever been taken: the most that were on loan at once. */
    int taken() {
        return (int) (long) LONGS.getVolatile(heads, TAKEN);
    }

    /**
     * The loanable stack was empty: takes the whole returned stack, keeps its top and moves the rest onto the
     * loanable stack; or, with nothing returned, takes a never-loaned slot. Returns -1 if neither is there. While a
     * chain is off both stacks, {@link #MOVING} counts it, so that no other loan takes its absence for exhaustion.
     */
    private int refill() {
        while (true) {
            long returned = (long) LONGS.getVolatile(heads, RETURNED);
            int top = (int) returned;
            if (top < 0) {
                return fresh();
            }
            if (lines[link(top)] < 0) { // one slot: take it, nothing to move (a stale link fails the CAS)
                if (LONGS.compareAndSet(heads, RETURNED, returned, retag(returned, -1))) {
                    return top;
                }
                continue;
            }
            LONGS.getAndAdd(heads, MOVING, 1L);
            if (LONGS.compareAndSet(heads, RETURNED, returned, retag(returned, -1))) {
                int rest = lines[link(top)];
                if (rest >= 0) {
                    stack(rest);
                }
                LONGS.getAndAdd(heads, MOVING, -1L);
                return top;
            }
            LONGS.getAndAdd(heads, MOVING, -1L);
        }
    }

    /** Moves the chain from {@code first} (this thread's alone) onto the loanable stack. */
    private void stack(int first) {
        int last = -1;
        while (true) {
            long current = (long) LONGS.getVolatile(heads, LOANABLE);
            int top = (int) current;
            if (top >= 0 && last < 0) { // another loaner stacked a chain meanwhile: ours goes on top of it
                last = first;
                for (int next = lines[link(last)]; next >= 0; next = lines[link(last)]) {
                    last = next;
                }
            }
            if (last >= 0) {
                lines[link(last)] = top;
            }
            if (LONGS.compareAndSet(heads, LOANABLE, current, retag(current, first))) {
                return;
            }
        }
    }

    private int fresh() {
        while (true) {
            long taken = (long) LONGS.getVolatile(heads, TAKEN);
            if (taken >= size) {
                return -1;
            }
            if (LONGS.compareAndSet(heads, TAKEN, taken, taken + 1)) {
                return (int) taken;
            }
        }
    }

    private static long retag(long head, int top) {
        return ((head & ~INDEX_MASK) + TAG_ONE) | (top & INDEX_MASK);
    }

    private int link(int index) {
        return (index + 1) * lineInts + linkOffset;
    }
}

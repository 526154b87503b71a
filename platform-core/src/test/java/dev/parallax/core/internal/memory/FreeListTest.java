package dev.parallax.core.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class FreeListTest {
    private static final int LINE_INTS = 16;
    private static final int LINK = 2;

    private static FreeList list(int size) {
        return new FreeList(size, new int[(size + 2) * LINE_INTS], LINE_INTS, LINK);
    }

    @Test
    void freshList_givesEverySlotOnce_thenReportsEmpty() {
        FreeList free = list(5);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            seen.add(free.pop());
        }

        assertEquals(Set.of(0, 1, 2, 3, 4), seen);
        assertEquals(-1, free.pop());
        assertEquals(5, free.taken());
    }

    @Test
    void oneSlotAtATime_takesOnlyOneSlot_soTheHighWaterMarkIsOne() {
        FreeList free = list(8);
        for (int i = 0; i < 100; i++) {
            int index = free.pop();
            assertEquals(0, index, "the returned slot is loaned again before a never-loaned one");
            free.push(index);
        }

        assertEquals(1, free.taken());
    }

    @Test
    void returnedSlots_comeBackBeforeNeverLoanedOnes_andAllOfThem() {
        FreeList free = list(6);
        int a = free.pop();
        int b = free.pop();
        int c = free.pop();
        free.push(b);
        free.push(a);
        free.push(c);

        Set<Integer> again = Set.of(free.pop(), free.pop(), free.pop());

        assertEquals(Set.of(a, b, c), again);
        assertEquals(3, free.taken());
        assertEquals(3, free.pop(), "only then the first never-loaned slot");
    }

    @Test
    void linksLiveInTheCallersLines_atTheGivenOffset() {
        int[] lines = new int[(4 + 2) * LINE_INTS];
        FreeList free = new FreeList(4, lines, LINE_INTS, LINK);
        int a = free.pop();
        int b = free.pop();
        free.push(a);
        free.push(b); // b's link now names a, in b's own line

        assertEquals(a, lines[(b + 1) * LINE_INTS + LINK]);
        for (int i = 0; i < lines.length; i++) {
            if (i != (a + 1) * LINE_INTS + LINK && i != (b + 1) * LINE_INTS + LINK) {
                assertEquals(0, lines[i], "the free list wrote outside its links at " + i);
            }
        }
    }

    @Test
    void loanersHoldingOneSlotEach_neverFindTheListEmpty_whileChainsMoveBetweenStacks() throws Exception {
        // each of 4 threads holds at most one of 4 slots, so a pop must always succeed: a chain taken off the
        // returned stack and not yet on the loanable one must not look like exhaustion to the others
        int size = 4;
        int rounds = 1_000_000;
        FreeList free = list(size);
        List<Future<?>> results = new ArrayList<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(4)) {
            for (int t = 0; t < 4; t++) {
                results.add(executor.submit(() -> {
                    for (int i = 0; i < rounds; i++) {
                        int index = free.pop();
                        if (index < 0) {
                            throw new AssertionError("reported empty while holding none of the 4 slots, round " + i);
                        }
                        free.push(index);
                    }
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get();
            }
        }
    }

    @Test
    void manyLoanersAndReturners_neverHandOutASlotTwiceAtOnce_andLoseNone() throws Exception {
        int size = 16;
        int rounds = 50_000;
        FreeList free = list(size);
        AtomicIntegerArray owner = new AtomicIntegerArray(size);
        BlockingQueue<Integer> handover = new ArrayBlockingQueue<>(size);
        List<Future<?>> results = new ArrayList<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(4)) {
            for (int t = 1; t <= 2; t++) {
                int me = t;
                // loaners: take a slot, mark it theirs, hand it to a returner on another thread
                results.add(executor.submit(() -> {
                    for (int i = 0; i < rounds; i++) {
                        int index;
                        while ((index = free.pop()) < 0) {
                            Thread.onSpinWait();
                        }
                        if (!owner.compareAndSet(index, 0, me)) {
                            throw new AssertionError(
                                    "slot " + index + " handed out while " + owner.get(index) + " still held it");
                        }
                        handover.put(index);
                    }
                    return null;
                }));
                results.add(executor.submit(() -> {
                    for (int i = 0; i < rounds; i++) {
                        int index = handover.take();
                        owner.set(index, 0);
                        free.push(index);
                    }
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get();
            }
        }

        Set<Integer> all = new HashSet<>();
        for (int index = free.pop(); index >= 0; index = free.pop()) {
            assertTrue(all.add(index), "slot " + index + " came back twice");
        }
        assertEquals(size, all.size(), "every slot came back");
        assertTrue(free.taken() <= size);
    }
}

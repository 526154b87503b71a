package dev.parallax.core.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.MemoryPool;
import dev.parallax.api.buffer.PoolConfig;
import dev.parallax.api.buffer.PoolStats;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SlotPoolTest {
    private final MemoryServiceImpl service = Pools.system();

    @Test
    void exhaustedPool_failPolicy_failsAtOnceNamingThePoolAndItsSize() throws Exception {
        try (MemoryPool pool = service.createPool(PoolConfig.of("tiles", 2, 256).failWhenExhausted());
                Buffer a = pool.loan();
                Buffer b = pool.loan()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, pool::loan);

            assertEquals(
                    "Pool 'tiles' is exhausted: all 2 slots of 256 bytes are on loan; release buffers sooner,"
                            + " add slots, or use ExhaustionPolicy.WAIT to wait for one",
                    e.getMessage());
            assertEquals(new PoolStats("tiles", 2, 2, 2, 0, 0, 1), pool.stats());
        }
    }

    @Test
    void exhaustedPool_waitPolicy_waiterGetsTheSlotTheMomentItIsReturned() throws Exception {
        // a long timeout: the waiter must be woken by the return, not by the clock
        try (MemoryPool pool =
                service.createPool(PoolConfig.of("frames", 1, 64).waitWhenExhausted(Duration.ofSeconds(30)))) {
            Buffer held = pool.loan();
            long address = held.segment().address();
            AtomicReference<Thread> waiterThread = new AtomicReference<>();
            CompletableFuture<Long> waiter = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                waiterThread.set(Thread.currentThread());
                try (Buffer got = pool.loan()) {
                    waiter.complete(got.segment().address());
                } catch (Throwable t) {
                    waiter.completeExceptionally(t);
                }
            });
            awaitBlocked(waiterThread);

            long start = System.nanoTime();
            held.release();

            assertEquals(address, waiter.get(10, TimeUnit.SECONDS));
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10));
            assertEquals(1, pool.stats().waits());
            assertEquals(0, pool.stats().timeouts());
        }
    }

    @Test
    void exhaustedPool_waitPolicy_timesOutWithAClearError() throws Exception {
        // 50 ms: long enough to be a real wait, short enough to keep the suite quick
        try (MemoryPool pool =
                        service.createPool(PoolConfig.of("frames", 1, 64).waitWhenExhausted(Duration.ofMillis(50)));
                Buffer held = pool.loan()) {
            long start = System.nanoTime();
            IllegalStateException e = assertThrows(IllegalStateException.class, pool::loan);

            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(50), "waited the timeout");
            assertEquals(
                    "Pool 'frames' stayed exhausted for 50 ms: all 1 slots of 64 bytes are on loan; release"
                            + " buffers sooner, add slots, or raise the wait timeout",
                    e.getMessage());
            assertEquals(new PoolStats("frames", 1, 1, 1, 1, 1, 0), pool.stats());
        }
    }

    @Test
    void waitingLoan_interrupted_throwsInterruptedExceptionAndLeavesNoWaiter() throws Exception {
        try (MemoryPool pool =
                        service.createPool(PoolConfig.of("frames", 1, 64).waitWhenExhausted(Duration.ofSeconds(30)));
                Buffer held = pool.loan()) {
            AtomicReference<Thread> waiterThread = new AtomicReference<>();
            CompletableFuture<Throwable> outcome = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                waiterThread.set(Thread.currentThread());
                try {
                    pool.loan().release();
                    outcome.complete(null);
                } catch (Throwable t) {
                    outcome.complete(t);
                }
            });
            awaitBlocked(waiterThread);
            waiterThread.get().interrupt();

            assertTrue(outcome.get(10, TimeUnit.SECONDS) instanceof InterruptedException);
            assertEquals(1, pool.stats().inUse(), "the interrupted loan took nothing");
        }
    }

    @Test
    void closingAPool_wakesWaitersWithAClosedError_andFailsLoansAndOutstandingHandles() throws Exception {
        MemoryPool pool = service.createPool(PoolConfig.of("frames", 1, 64).waitWhenExhausted(Duration.ofSeconds(30)));
        Buffer held = pool.loan();
        AtomicReference<Thread> waiterThread = new AtomicReference<>();
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            waiterThread.set(Thread.currentThread());
            try {
                pool.loan();
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        awaitBlocked(waiterThread);
        MemorySegment escaped = held.segment();

        pool.close();

        assertEquals(
                "Pool 'frames' is closed: no more loans",
                outcome.get(10, TimeUnit.SECONDS).getMessage());
        assertThrows(IllegalStateException.class, pool::loan);
        IllegalStateException e = assertThrows(IllegalStateException.class, held::segment);
        assertTrue(e.getMessage().endsWith("cannot read: its memory was closed"), e.getMessage());
        // a segment kept past the close fails in the JVM instead of reading freed memory
        assertThrows(IllegalStateException.class, () -> escaped.get(ValueLayout.JAVA_BYTE, 0));
        held.release(); // allowed after close, and does nothing more
        pool.close(); // twice does nothing
    }

    @Test
    void stats_countInUseAndHighWater() throws Exception {
        try (MemoryPool pool = service.createPool(PoolConfig.of("frames", 4, 64))) {
            Buffer a = pool.loan();
            Buffer b = pool.loan();
            Buffer c = pool.loan();
            a.release();
            b.release();

            assertEquals(new PoolStats("frames", 4, 1, 3, 0, 0, 0), pool.stats());
            c.release();
        }
    }

    @Test
    void slots_areAlignedAndSpacedByTheStride() throws Exception {
        // 100-byte slots at 64-byte alignment: 128 bytes apart, the awkward case where size is not a multiple
        try (MemoryPool pool = service.createPool(PoolConfig.of("odd", 3, 100));
                Buffer a = pool.loan();
                Buffer b = pool.loan();
                Buffer c = pool.loan()) {
            assertEquals(0, a.segment().address() % 64);
            assertEquals(128, b.segment().address() - a.segment().address());
            assertEquals(128, c.segment().address() - b.segment().address());
            assertEquals(100, c.byteSize());
        }
    }

    @Test
    void concurrentLoansAndReturns_fromManyVirtualThreads_neverLoseOrDoubleLendASlot() throws Exception {
        // 64 threads on 8 slots: most loans find the pool exhausted and wait, the path most likely to go wrong
        int slots = 8;
        int threads = 64;
        int rounds = 2_000;
        try (MemoryPool pool =
                service.createPool(PoolConfig.of("race", slots, 64).waitWhenExhausted(Duration.ofSeconds(60)))) {
            List<Future<?>> results = new ArrayList<>();
            try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int t = 0; t < threads; t++) {
                    long mark = t + 1;
                    results.add(executor.submit(() -> {
                        for (int i = 0; i < rounds; i++) {
                            try (Buffer buffer = pool.loan()) {
                                // a slot lent twice at once would show the other thread's mark here
                                MemorySegment bytes = buffer.segment();
                                bytes.set(ValueLayout.JAVA_LONG, 0, mark);
                                Thread.yield();
                                long seen = bytes.get(ValueLayout.JAVA_LONG, 0);
                                if (seen != mark) {
                                    throw new AssertionError("slot lent twice: wrote " + mark + ", read " + seen);
                                }
                            }
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> result : results) {
                result.get();
            }

            PoolStats stats = pool.stats();
            assertEquals(0, stats.inUse());
            assertEquals(slots, stats.highWater());
            Set<Long> addresses = new HashSet<>();
            List<Buffer> all = new ArrayList<>();
            for (int i = 0; i < slots; i++) {
                Buffer buffer = pool.loan();
                all.add(buffer);
                addresses.add(buffer.segment().address());
            }
            assertEquals(slots, addresses.size(), "every slot came back, once");
            all.forEach(Buffer::release);
        }
    }

    @Test
    void returnedSlot_isTheNextLoaned() throws Exception {
        // last returned, first loaned: the slot most likely still in cache
        try (MemoryPool pool = service.createPool(PoolConfig.of("lifo", 4, 64))) {
            Buffer a = pool.loan();
            Buffer b = pool.loan();
            long address = a.segment().address();
            a.release();
            Buffer c = pool.loan();

            assertEquals(address, c.segment().address());
            b.release();
            c.release();
        }
    }

    /** Waits until the thread in {@code holder} is parked in the pool's wait. */
    private static void awaitBlocked(AtomicReference<Thread> holder) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Thread thread = holder.get();
            if (thread != null && thread.getState() == Thread.State.TIMED_WAITING) {
                return;
            }
            Thread.sleep(1);
        }
        throw new AssertionError("the loan never started waiting");
    }
}

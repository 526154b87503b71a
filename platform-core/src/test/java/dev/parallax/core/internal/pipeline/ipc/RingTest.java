package dev.parallax.core.internal.pipeline.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RingTest {
    @Test
    void sentRing_oneEntry_carriesEveryField() {
        try (Arena arena = Arena.ofConfined()) {
            ShmLayout layout = ShmLayout.of(3, 100);
            MemorySegment file = arena.allocate(layout.fileSize(), ShmLayout.PAGE);
            SentRing producer = new SentRing(file, layout);
            SentRing consumer = new SentRing(file, layout);

            assertFalse(consumer.ready());
            assertFalse(consumer.next());
            producer.publish(2, 0b101, 7, 93, 42, 1_000_000, -1);

            assertTrue(consumer.ready());
            assertTrue(consumer.next());
            assertEquals(
                    List.of(2, 0b101, 7L, 93L, 42L, 1_000_000L, -1L),
                    List.of(
                            consumer.slot(),
                            consumer.flags(),
                            consumer.offset(),
                            consumer.length(),
                            consumer.sequence(),
                            consumer.pts(),
                            consumer.duration()));
            assertFalse(consumer.next(), "one entry is taken once");
        }
    }

    /**
     * The sender's and receiver's loop on two threads, as the transport runs them: 4 slots (the ring laps every 4
     * entries, so a stale stamp from the last lap would be taken if the check were wrong), 2 million buffers. The
     * consumer checks that the sequence numbers arrive in order with none lost and that each entry's slot carries
     * the bytes written for that sequence number.
     */
    @Test
    @Timeout(120)
    void rings_twoThreadsMillionsOfEntries_arriveInOrderWithoutLoss() throws Exception {
        int slots = 4;
        long count = 2_000_000;
        ShmLayout layout = ShmLayout.of(slots, 64);
        try (Arena arena = Arena.ofShared()) {
            MemorySegment file = arena.allocate(layout.fileSize(), ShmLayout.PAGE);
            AtomicReference<String> failure = new AtomicReference<>();
            Thread receiver = new Thread(() -> {
                SentRing sent = new SentRing(file, layout);
                ReturnRing returned = new ReturnRing(file, layout);
                long expected = 0;
                while (expected < count) {
                    if (!sent.next()) {
                        Thread.yield(); // the machine may have fewer free cores than spinning threads
                        continue;
                    }
                    long stamped = file.get(
                            java.lang.foreign.ValueLayout.JAVA_LONG, layout.slotArea() + sent.slot() * layout.stride());
                    if (sent.sequence() != expected || stamped != expected || sent.length() != expected % 64) {
                        failure.compareAndSet(
                                null,
                                "entry " + expected + " arrived as sequence " + sent.sequence() + " slot content "
                                        + stamped + " length " + sent.length());
                        return;
                    }
                    returned.push(sent.slot());
                    expected++;
                }
            });
            receiver.start();
            SentRing sent = new SentRing(file, layout);
            ReturnRing returned = new ReturnRing(file, layout);
            int fresh = 0;
            for (long seq = 0; seq < count && failure.get() == null; seq++) {
                int slot = fresh < slots ? fresh++ : returned.next();
                while (slot < 0) {
                    Thread.yield();
                    slot = returned.next();
                }
                file.set(java.lang.foreign.ValueLayout.JAVA_LONG, layout.slotArea() + slot * layout.stride(), seq);
                sent.publish(slot, 0, 0, seq % 64, seq, seq, seq);
            }
            receiver.join();
            assertNull(failure.get());
        }
    }

    /**
     * Three threads return slots at once through the returned ring while one thread takes them: each value must
     * come out exactly once, and each producer's values in the order it pushed them. Credits keep at most the ring's
     * capacity on it, as the slot count does in the transport.
     */
    @Test
    @Timeout(120)
    void returnRing_threeProducers_everyValueOnceInEachProducersOrder() throws Exception {
        ShmLayout layout = ShmLayout.of(8, 64);
        int producers = 3;
        int perProducer = 400_000;
        try (Arena arena = Arena.ofShared()) {
            MemorySegment file = arena.allocate(layout.fileSize(), ShmLayout.PAGE);
            ReturnRing ring = new ReturnRing(file, layout);
            Semaphore credits = new Semaphore(layout.capacity());
            List<Thread> threads = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                int base = p * perProducer;
                Thread thread = new Thread(() -> {
                    for (int k = 0; k < perProducer; k++) {
                        credits.acquireUninterruptibly();
                        ring.push(base + k);
                    }
                });
                threads.add(thread);
                thread.start();
            }
            BitSet seen = new BitSet(producers * perProducer);
            int[] last = {-1, -1, -1};
            for (int taken = 0; taken < producers * perProducer; taken++) {
                int value = ring.next();
                while (value < 0) {
                    Thread.yield();
                    value = ring.next();
                }
                credits.release();
                int producer = value / perProducer;
                assertFalse(seen.get(value), "value " + value + " came out twice");
                assertTrue(value > last[producer], "producer " + producer + ": " + value + " after " + last[producer]);
                seen.set(value);
                last[producer] = value;
            }
            for (Thread thread : threads) {
                thread.join();
            }
            assertEquals(producers * perProducer, seen.cardinality());
            assertEquals(-1, ring.next(), "nothing more");
        }
    }
}

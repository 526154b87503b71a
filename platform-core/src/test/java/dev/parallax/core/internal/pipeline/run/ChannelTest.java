package dev.parallax.core.internal.pipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChannelTest {
    private final Run run = new Run("channel-test", new Bus("channel-test"), null);

    private Channel channel(int capacity, Inbox inbox) {
        Channel channel = new Channel("test", capacity, inbox, run);
        inbox.feedFrom(List.of(channel));
        return channel;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 64, 1000})
    void items_fromOneThreadToAnother_arriveOnceInOrder(int capacity) throws Exception {
        // 200,000 items through rings of awkward sizes (1, odd, not a power of two): the ring wraps, both sides
        // wait on each other, and the reference is simply 0..n-1.
        int count = 200_000;
        Inbox inbox = new Inbox();
        Channel channel = channel(capacity, inbox);
        List<Integer> received = new ArrayList<>(count);
        Thread consumer = Thread.ofVirtual().start(() -> {
            inbox.own();
            while (true) {
                Object item = channel.poll();
                if (item == null) {
                    inbox.await(run);
                } else if (item == Channel.END) {
                    return;
                } else {
                    received.add((Integer) item);
                }
            }
        });
        Thread producer = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < count; i++) {
                channel.offer(i);
            }
            channel.offer(Channel.END);
        });
        producer.join(Runs.PATIENCE);
        consumer.join(Runs.PATIENCE);
        assertEquals(IntStream.range(0, count).boxed().toList(), received);
    }

    @Test
    void poll_ofAnEmptyRing_isNull_andTheRingHoldsItsCapacity() {
        Channel channel = channel(3, new Inbox());
        assertNull(channel.poll());
        for (int i = 0; i < 3; i++) {
            channel.offer(i);
        }
        assertTrue(channel.hasItem());
        assertEquals(List.of(0, 1, 2), List.of(channel.poll(), channel.poll(), channel.poll()));
        assertNull(channel.poll());
    }

    @Test
    void fullRing_blocksTheProducerUntilTheConsumerTakes() throws Exception {
        Channel channel = channel(2, new Inbox());
        channel.offer("a");
        channel.offer("b");
        CompletableFuture<Void> third = CompletableFuture.runAsync(() -> channel.offer("c"));
        Thread.sleep(50); // long enough for the producer to park
        assertEquals(false, third.isDone(), "the producer waits while the ring is full");
        assertEquals("a", channel.poll());
        third.get(10, TimeUnit.SECONDS);
        assertEquals(List.of("b", "c"), List.of(channel.poll(), channel.poll()));
    }

    @Test
    void abort_ofAWaitingProducer_releasesItsItemAndUnwinds() throws Exception {
        CountingPool pool = new CountingPool(8);
        Channel channel = channel(1, new Inbox());
        channel.offer(pool.loan());
        Buffer waiting = pool.loan();
        AtomicInteger aborted = new AtomicInteger();
        Thread producer = Thread.ofVirtual().start(() -> {
            try {
                channel.offer(waiting);
            } catch (Abort e) {
                aborted.incrementAndGet();
            }
        });
        run.enlist(producer);
        Thread.sleep(50);
        run.cancel();
        producer.join(Runs.PATIENCE);
        assertEquals(1, aborted.get());
        assertTrue(waiting.isReleased());
        assertThrows(Abort.class, () -> new Inbox().await(run), "a consumer's wait unwinds too");
    }

    @Test
    void closeEnd_bySecondSide_releasesWhatIsLeft() {
        CountingPool pool = new CountingPool(8);
        Channel channel = channel(4, new Inbox());
        Buffer first = pool.loan();
        channel.offer(first);
        channel.offer(pool.loan());
        channel.offer(Channel.END);
        assertSame(first, channel.poll());
        first.release();
        channel.closeEnd();
        assertEquals(1, pool.handlesAlive(), "the first side's exit leaves the ring alone");
        channel.closeEnd();
        assertEquals(0, pool.handlesAlive(), pool.balance());
    }

    @Test
    void spinBudget_growsWhenSpinningPaysAndShrinksWhenAWaitParks() {
        assertEquals(64, Channel.spinsAfter(32, 5, false), "found progress while spinning");
        assertEquals(32, Channel.spinsAfter(32, 33, false), "found it while yielding: unchanged");
        assertEquals(16, Channel.spinsAfter(32, 34, true), "had to park");
        assertEquals(Channel.MAX_SPINS, Channel.spinsAfter(Channel.MAX_SPINS, 0, false));
        assertEquals(Channel.MIN_SPINS, Channel.spinsAfter(Channel.MIN_SPINS, 99, true));
    }
}

package dev.parallax.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.plugin.PluginEvent;
import dev.parallax.api.plugin.PluginListener;
import dev.parallax.api.plugin.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventDispatcherTest {
    private final EventDispatcher dispatcher = new EventDispatcher(4);

    @AfterEach
    void close() {
        dispatcher.close();
    }

    private static PluginEvent event(int n) {
        return PluginEvent.rejected(new Rejection("p" + n, n, "b", n, "reason " + n, "fix"));
    }

    /** Collects events and lets a test wait for a count. */
    private static final class Collector implements PluginListener {
        final List<PluginEvent> events = new ArrayList<>();

        @Override
        public synchronized void pluginChanged(PluginEvent event) {
            events.add(event);
            notifyAll();
        }

        synchronized List<PluginEvent> await(int count) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (events.size() < count && System.nanoTime() < deadline) {
                TimeUnit.NANOSECONDS.timedWait(this, deadline - System.nanoTime());
            }
            return List.copyOf(events);
        }
    }

    @Test
    void newListener_hearsInitialEventsThenPublishedOnes_inOrder() throws Exception {
        Collector collector = new Collector();
        dispatcher.add(collector, List.of(event(1), event(2)));
        dispatcher.publish(event(3));
        assertEquals(List.of(event(1), event(2), event(3)), collector.await(3));
    }

    @Test
    void stuckListener_neitherBlocksPublishingNorOtherListeners() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        PluginListener stuck = event -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Collector collector = new Collector();
        dispatcher.add(stuck, List.of());
        dispatcher.add(collector, List.of());
        // Far more events than the stuck listener's queue holds: publishing must still return at once.
        for (int i = 0; i < 100; i++) {
            dispatcher.publish(event(i));
        }
        assertTrue(collector.await(4).size() >= 4, "the other listener keeps hearing events");
        assertTrue(dispatcher.dropped(stuck) >= 100 - 4 - 1, "the stuck listener's overflow is counted");
        release.countDown();
    }

    @Test
    void throwingListener_keepsHearingLaterEvents() throws Exception {
        List<PluginEvent> heard = new ArrayList<>();
        CountDownLatch both = new CountDownLatch(2);
        PluginListener throwing = event -> {
            synchronized (heard) {
                heard.add(event);
            }
            both.countDown();
            throw new IllegalStateException("fails on purpose");
        };
        dispatcher.add(throwing, List.of());
        dispatcher.publish(event(1));
        dispatcher.publish(event(2));
        assertTrue(both.await(10, TimeUnit.SECONDS));
        synchronized (heard) {
            assertEquals(List.of(event(1), event(2)), heard);
        }
    }

    @Test
    void removedListener_hearsNothingMore() throws Exception {
        Collector collector = new Collector();
        dispatcher.add(collector, List.of());
        dispatcher.publish(event(1));
        collector.await(1);
        dispatcher.remove(collector);
        dispatcher.publish(event(2));
        Thread.sleep(50);
        assertEquals(List.of(event(1)), collector.await(1));
    }
}

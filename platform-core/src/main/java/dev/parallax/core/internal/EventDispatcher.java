package dev.parallax.core.internal;

import dev.parallax.api.plugin.PluginEvent;
import dev.parallax.api.plugin.PluginListener;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Delivers plugin events to listeners without ever blocking the thread that publishes them.
 *
 * <p>Each listener has its own bounded queue, drained in order by a virtual thread that exists only while the
 * queue has events: a slow listener delays only itself, one that throws is logged and keeps its later events, and
 * an idle listener costs no thread. When a listener falls {@link #CAPACITY} events behind, newer events for it are
 * dropped and counted, and the drop is logged once.
 */
final class EventDispatcher implements AutoCloseable {
    /** How many undelivered events a listener may have before newer ones are dropped. */
    static final int CAPACITY = 10_000;

    private static final System.Logger LOG = System.getLogger(EventDispatcher.class.getName());

    private final Map<PluginListener, Mailbox> mailboxes = new ConcurrentHashMap<>();
    private final int capacity;

    EventDispatcher() {
        this(CAPACITY);
    }

    EventDispatcher(int capacity) {
        this.capacity = capacity;
    }

    /** Starts delivering to {@code listener}, first the {@code initial} events, then every published one. */
    void add(PluginListener listener, List<PluginEvent> initial) {
        Mailbox mailbox = new Mailbox(listener);
        initial.forEach(mailbox::offer);
        mailboxes.put(listener, mailbox);
    }

    /** Stops delivering to {@code listener}; an event it is being told about still completes. */
    void remove(PluginListener listener) {
        Mailbox mailbox = mailboxes.remove(listener);
        if (mailbox != null) {
            mailbox.close();
        }
    }

    /** Queues {@code event} for every listener and returns at once. */
    void publish(PluginEvent event) {
        for (Mailbox mailbox : mailboxes.values()) {
            mailbox.offer(event);
        }
    }

    /** How many events were dropped for {@code listener} because it fell behind. */
    long dropped(PluginListener listener) {
        Mailbox mailbox = mailboxes.get(listener);
        return mailbox == null ? 0 : mailbox.dropped();
    }

    @Override
    public void close() {
        mailboxes.values().forEach(Mailbox::close);
        mailboxes.clear();
    }

    private final class Mailbox {
        private final PluginListener listener;
        private final ArrayDeque<PluginEvent> queue = new ArrayDeque<>();
        private boolean draining;
        private boolean closed;
        private long dropped;

        Mailbox(PluginListener listener) {
            this.listener = listener;
        }

        synchronized void offer(PluginEvent event) {
            if (closed) {
                return;
            }
            if (queue.size() >= capacity) {
                if (dropped++ == 0) {
                    LOG.log(
                            Level.WARNING,
                            "Plugin listener {0} is {1} events behind; newer events for it are dropped",
                            listener.getClass().getName(),
                            capacity);
                }
                return;
            }
            queue.add(event);
            if (!draining) {
                draining = true;
                Thread.ofVirtual().name("parallax-plugin-events").start(this::drain);
            }
        }

        synchronized void close() {
            closed = true;
            queue.clear();
        }

        synchronized long dropped() {
            return dropped;
        }

        private void drain() {
            while (true) {
                PluginEvent event;
                synchronized (this) {
                    event = queue.poll();
                    if (event == null) {
                        draining = false;
                        return;
                    }
                }
                try {
                    listener.pluginChanged(event);
                } catch (Throwable failure) { // a listener must never break delivery to itself or others
                    LOG.log(
                            Level.ERROR,
                            "Plugin listener " + listener.getClass().getName() + " failed on event: " + event,
                            failure);
                }
            }
        }
    }
}

package dev.parallax.core.internal;

import dev.parallax.api.plugin.PluginEvent;
import dev.parallax.api.plugin.PluginListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Delivers plugin events to listeners without ever blocking the thread that publishes them.
 *
 * <p>Each listener has its own {@link Mailbox}: a slow listener delays only itself, one that throws is logged and
 * keeps its later events, and one that falls {@link #CAPACITY} events behind loses newer events, counted.
 */
final class EventDispatcher implements AutoCloseable {
    /** How many undelivered events a listener may have before newer ones are dropped. */
    static final int CAPACITY = 10_000;

    private final Map<PluginListener, Mailbox<PluginEvent>> mailboxes = new ConcurrentHashMap<>();
    private final int capacity;

    EventDispatcher() {
        this(CAPACITY);
    }

    EventDispatcher(int capacity) {
        this.capacity = capacity;
    }

    /** Starts delivering to {@code listener}, first the {@code initial} events, then every published one. */
    void add(PluginListener listener, List<PluginEvent> initial) {
        Mailbox<PluginEvent> mailbox = new Mailbox<>(
                "Plugin listener " + listener.getClass().getName(),
                listener::pluginChanged,
                capacity,
                "parallax-plugin-events");
        initial.forEach(mailbox::offer);
        mailboxes.put(listener, mailbox);
    }

    /** Stops delivering to {@code listener}; an event it is being told about still completes. */
    void remove(PluginListener listener) {
        Mailbox<PluginEvent> mailbox = mailboxes.remove(listener);
        if (mailbox != null) {
            mailbox.close();
        }
    }

    /** Queues {@code event} for every listener and returns at once. */
    void publish(PluginEvent event) {
        for (Mailbox<PluginEvent> mailbox : mailboxes.values()) {
            mailbox.offer(event);
        }
    }

    /** How many events were dropped for {@code listener} because it fell behind. */
    long dropped(PluginListener listener) {
        Mailbox<PluginEvent> mailbox = mailboxes.get(listener);
        return mailbox == null ? 0 : mailbox.dropped();
    }

    @Override
    public void close() {
        mailboxes.values().forEach(Mailbox::close);
        mailboxes.clear();
    }
}

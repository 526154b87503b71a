package dev.parallax.core.internal;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * One listener's queue of undelivered events, so that whoever posts an event never waits for the listener: the
 * plugin registry's and each pipeline's events reach their listeners through these.
 *
 * <p>Bounded, drained in order by a virtual thread that exists only while the queue holds events: a slow listener
 * delays only itself, one that throws is logged and still gets its later events, and an idle listener costs no
 * thread. When the listener falls {@code capacity} events behind, newer events for it are dropped and counted, and
 * the first drop is logged: a listener that blocks forever costs a bounded amount of memory.
 *
 * @param <E> the event type
 */
public final class Mailbox<E> {
    private static final System.Logger LOG = System.getLogger(Mailbox.class.getName());

    private final String listener;
    private final Consumer<? super E> deliver;
    private final int capacity;
    private final String threadName;
    private final ArrayDeque<E> queue = new ArrayDeque<>();
    private boolean draining;
    private boolean closed;
    private long dropped;

    /**
     * @param listener names the listener in log messages, e.g. {@code "Listener com.acme.Probe of pipeline 'p'"}
     * @param deliver tells the listener about one event
     * @param capacity the most undelivered events before newer ones are dropped
     * @param threadName the name of the thread that delivers
     */
    public Mailbox(String listener, Consumer<? super E> deliver, int capacity, String threadName) {
        this.listener = listener;
        this.deliver = deliver;
        this.capacity = capacity;
        this.threadName = threadName;
    }

    /** Queues {@code event} and returns at once; drops it if the listener is {@code capacity} events behind. */
    public synchronized void offer(E event) {
        if (closed) {
            return;
        }
        if (queue.size() >= capacity) {
            if (dropped++ == 0) {
                LOG.log(Level.WARNING, "{0} is {1} events behind; newer events for it are dropped", listener, capacity);
            }
            return;
        }
        queue.add(event);
        if (!draining) {
            draining = true;
            Thread.ofVirtual().name(threadName).start(this::drain);
        }
    }

    /** Stops delivering: queued events are dropped; an event being delivered still completes. */
    public synchronized void close() {
        closed = true;
        queue.clear();
    }

    /** How many events were dropped because the listener fell behind. */
    public synchronized long dropped() {
        return dropped;
    }

    private void drain() {
        while (true) {
            E event;
            synchronized (this) {
                event = queue.poll();
                if (event == null) {
                    draining = false;
                    return;
                }
            }
            try {
                deliver.accept(event);
            } catch (Throwable failure) { // a listener must never break delivery to itself or to others
                LOG.log(Level.ERROR, listener + " failed on event: " + event, failure);
            }
        }
    }
}

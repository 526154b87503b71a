package dev.parallax.core.internal.pipeline.run;

import dev.parallax.api.pipeline.PipelineEvent;
import dev.parallax.api.pipeline.PipelineListener;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A pipeline's event bus: delivers each event to every subscribed listener, in order, without ever blocking the
 * thread that posts it.
 *
 * <p>Each listener has a mailbox, a bounded queue drained by a virtual thread that exists only while the mailbox
 * holds events. A slow listener delays only itself; one that throws is logged and still gets the next event. When a
 * listener falls {@link #CAPACITY} events behind, newer events for it are dropped and counted, and the first drop is
 * logged: a listener that blocks forever costs a bounded amount of memory and never stalls the buffers.
 */
final class Bus {
    /** How many undelivered events a listener may have before newer ones are dropped. */
    static final int CAPACITY = 10_000;

    private static final System.Logger LOG = System.getLogger(Bus.class.getName());

    private final String pipeline;
    private final int capacity;
    private final CopyOnWriteArrayList<Mailbox> mailboxes = new CopyOnWriteArrayList<>();

    Bus(String pipeline) {
        this(pipeline, CAPACITY);
    }

    Bus(String pipeline, int capacity) {
        this.pipeline = pipeline;
        this.capacity = capacity;
    }

    /** Delivers every later event to {@code listener} until the returned handle is closed. */
    AutoCloseable subscribe(PipelineListener listener) {
        Mailbox mailbox = new Mailbox(listener);
        mailboxes.add(mailbox);
        return () -> {
            mailboxes.remove(mailbox);
            mailbox.close();
        };
    }

    /** Queues {@code event} for every listener and returns at once. */
    void post(PipelineEvent event) {
        for (Mailbox mailbox : mailboxes) {
            mailbox.offer(event);
        }
    }

    private final class Mailbox {
        private final PipelineListener listener;
        private final ArrayDeque<PipelineEvent> queue = new ArrayDeque<>();
        private boolean draining;
        private boolean closed;
        private long dropped;

        Mailbox(PipelineListener listener) {
            this.listener = listener;
        }

        synchronized void offer(PipelineEvent event) {
            if (closed) {
                return;
            }
            if (queue.size() >= capacity) {
                if (dropped++ == 0) {
                    LOG.log(
                            Level.WARNING,
                            "Listener {0} of pipeline ''{1}'' is {2} events behind; newer events for it are dropped",
                            listener.getClass().getName(),
                            pipeline,
                            capacity);
                }
                return;
            }
            queue.add(event);
            if (!draining) {
                draining = true;
                Thread.ofVirtual()
                        .name("parallax-pipeline-" + pipeline + "-events")
                        .start(this::drain);
            }
        }

        synchronized void close() {
            closed = true;
            queue.clear();
        }

        private void drain() {
            while (true) {
                PipelineEvent event;
                synchronized (this) {
                    event = queue.poll();
                    if (event == null) {
                        draining = false;
                        return;
                    }
                }
                try {
                    listener.onEvent(event);
                } catch (Throwable failure) { // a listener must never break delivery to itself or to others
                    LOG.log(
                            Level.ERROR,
                            "Listener " + listener.getClass().getName() + " of pipeline '" + pipeline
                                    + "' failed on event: " + event,
                            failure);
                }
            }
        }
    }
}

package dev.parallax.core.internal.pipeline.run;

import dev.parallax.api.pipeline.PipelineEvent;
import dev.parallax.api.pipeline.PipelineListener;
import dev.parallax.core.internal.Mailbox;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A pipeline's event bus: delivers each event to every subscribed listener, in order, without ever blocking the
 * thread that posts it.
 *
 * <p>Each listener has a {@link Mailbox}: a slow listener delays only itself, one that throws is logged and still
 * gets the next event, and one that falls {@link #CAPACITY} events behind loses newer events: a listener that
 * blocks forever costs a bounded amount of memory and never stalls the buffers.
 */
final class Bus {
    /** How many undelivered events a listener may have before newer ones are dropped. */
    static final int CAPACITY = 10_000;

    private final String pipeline;
    private final int capacity;
    private final CopyOnWriteArrayList<Mailbox<PipelineEvent>> mailboxes = new CopyOnWriteArrayList<>();

    Bus(String pipeline) {
        this(pipeline, CAPACITY);
    }

    Bus(String pipeline, int capacity) {
        this.pipeline = pipeline;
        this.capacity = capacity;
    }

    /** Delivers every later event to {@code listener} until the returned handle is closed. */
    AutoCloseable subscribe(PipelineListener listener) {
        Mailbox<PipelineEvent> mailbox = new Mailbox<>(
                "Listener " + listener.getClass().getName() + " of pipeline '" + pipeline + "'",
                listener::onEvent,
                capacity,
                "parallax-pipeline-" + pipeline + "-events");
        mailboxes.add(mailbox);
        return () -> {
            mailboxes.remove(mailbox);
            mailbox.close();
        };
    }

    /** Queues {@code event} for every listener and returns at once. */
    void post(PipelineEvent event) {
        for (Mailbox<PipelineEvent> mailbox : mailboxes) {
            mailbox.offer(event);
        }
    }
}

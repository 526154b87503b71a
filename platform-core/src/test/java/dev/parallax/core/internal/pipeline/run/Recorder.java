package dev.parallax.core.internal.pipeline.run;

import dev.parallax.api.pipeline.PipelineEvent;
import dev.parallax.api.pipeline.PipelineListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A listener that keeps every event and lets a test wait for one. */
class Recorder implements PipelineListener {
    private final List<PipelineEvent> events = new ArrayList<>();

    @Override
    public synchronized void onEvent(PipelineEvent event) {
        events.add(event);
        notifyAll();
    }

    /** Every event so far, in order. */
    synchronized List<PipelineEvent> events() {
        return List.copyOf(events);
    }

    /** The events of one kind so far, in order. */
    <T extends PipelineEvent> List<T> of(Class<T> kind) {
        return events().stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** Waits up to 10 s for an event that matches; returns it, or null. */
    synchronized PipelineEvent await(Predicate<PipelineEvent> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            for (PipelineEvent event : events) {
                if (wanted.test(event)) {
                    return event;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }
}

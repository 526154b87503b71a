package dev.parallax.itests;

import static org.junit.jupiter.api.Assertions.fail;

import dev.parallax.api.plugin.PluginEvent;
import dev.parallax.api.plugin.PluginListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** A plugin listener that records every event, registered on the whiteboard for the length of a test. */
final class RecordingListener implements PluginListener, AutoCloseable {
    private final List<PluginEvent> events = new ArrayList<>();
    private final ServiceRegistration<PluginListener> registration;

    RecordingListener(BundleContext context) {
        registration = context.registerService(PluginListener.class, this, null);
    }

    @Override
    public synchronized void pluginChanged(PluginEvent event) {
        events.add(event);
        notifyAll();
    }

    /** Every event heard so far. */
    synchronized List<PluginEvent> events() {
        return List.copyOf(events);
    }

    /** Waits up to 10 s for an event that matches, and returns the first such. */
    synchronized PluginEvent await(String what, Predicate<PluginEvent> match) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            for (PluginEvent event : events) {
                if (match.test(event)) {
                    return event;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return fail("No event " + what + " within 10 s; heard: " + new ArrayList<>(events));
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Matches an event of {@code type} about plugin {@code id} at {@code version}. */
    static Predicate<PluginEvent> event(PluginEvent.Type type, String id, String version) {
        return event -> event.type() == type
                && event.plugin() != null
                && event.plugin().id().equals(id)
                && event.plugin().version().toString().equals(version);
    }

    @Override
    public void close() {
        registration.unregister();
    }
}

package dev.parallax.launcher.internal;

import java.util.function.Supplier;
import org.osgi.service.component.ComponentServiceObjects;

/**
 * A service got from the DS runtime when a command first uses it, not when the component holding the reference
 * activates: the reference is satisfied as soon as the service is registered, and a delayed component behind it
 * (the pipeline engine, the forecast plugin's reports) starts only for the commands that need it.
 */
final class LazyService<T> implements Supplier<T> {
    private final ComponentServiceObjects<T> objects;
    private final String name;
    private T service; // guarded by this

    LazyService(ComponentServiceObjects<T> objects, Class<T> type) {
        this.objects = objects;
        this.name = type.getSimpleName();
    }

    /** The service, activating its component on the first call. */
    @Override
    public synchronized T get() {
        if (service == null) {
            service = objects.getService();
            if (service == null) {
                throw new IllegalStateException("The " + name + " service could not be activated; the framework"
                        + " log has its component's exception.");
            }
        }
        return service;
    }

    /** Whether this is the handle on the service that {@code other} stands for. */
    boolean isFor(ComponentServiceObjects<?> other) {
        return objects.getServiceReference().equals(other.getServiceReference());
    }

    /** Gives the service back, if it was got. */
    synchronized void release() {
        if (service != null) {
            objects.ungetService(service);
            service = null;
        }
    }
}

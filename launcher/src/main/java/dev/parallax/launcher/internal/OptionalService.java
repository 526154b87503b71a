package dev.parallax.launcher.internal;

import java.util.function.Supplier;
import org.osgi.service.component.ComponentServiceObjects;

/**
 * An optional, dynamic service that a command gets when it runs ({@link LazyService}), or {@code null} while there is
 * none. Binding it never gets the service: the component holding the reference activates without waiting for the
 * service's own component, which may still be activating on another thread (the deploy folder, on ConfigAdmin's).
 */
final class OptionalService<T> implements Supplier<T> {
    private final Class<T> type;
    private volatile LazyService<T> bound;

    OptionalService(Class<T> type) {
        this.type = type;
    }

    /** The service, activating its component on the first call, or {@code null} if none is bound. */
    @Override
    public T get() {
        LazyService<T> service = bound;
        return service == null ? null : service.get();
    }

    synchronized void bind(ComponentServiceObjects<T> objects) {
        bound = new LazyService<>(objects, type);
    }

    /** DS binds a replacement before it unbinds the service replaced: only that one's handle goes. */
    synchronized void unbind(ComponentServiceObjects<T> objects) {
        LazyService<T> gone = bound;
        if (gone != null && gone.isFor(objects)) {
            bound = null;
            gone.release();
        }
    }
}

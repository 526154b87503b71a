package dev.parallax.plugin.threshold.internal.kernels;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * Reusable scratch space for a kernel that many threads may call at once.
 *
 * <p>A few slots, taken and given back with one atomic operation each and no allocation: once every calling thread
 * has had its scratch grown to the largest frame, a call allocates nothing. With more concurrent callers than slots
 * the extra ones get fresh scratch, which is dropped on release.
 */
final class ScratchPool<T> {
    private final AtomicReferenceArray<T> slots;
    private final Supplier<T> factory;

    ScratchPool(Supplier<T> factory) {
        this.factory = factory;
        this.slots = new AtomicReferenceArray<>(Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    T acquire() {
        for (int i = 0; i < slots.length(); i++) {
            T scratch = slots.getAndSet(i, null);
            if (scratch != null) {
                return scratch;
            }
        }
        return factory.get();
    }

    void release(T scratch) {
        for (int i = 0; i < slots.length(); i++) {
            if (slots.compareAndSet(i, null, scratch)) {
                return;
            }
        }
    }
}

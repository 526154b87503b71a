package dev.parallax.api.buffer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where code gets its memory: pools for the per-buffer path and allocators for the rest.
 *
 * <p>The runtime registers one as an OSGi service; elements and plugins get it injected once (a Declarative
 * Services reference) and keep their pools, never looking the service up per buffer.
 *
 * <p>A provider type: only the runtime implements it.
 */
@ProviderType
public interface MemoryService {
    /**
     * Builds a pool; the caller owns it and closes it.
     *
     * @throws IllegalArgumentException if the backing cannot hold the pool (a shared memory file that exists, a
     *     size beyond what a mapping can hold), saying which and why
     * @throws java.io.UncheckedIOException if a file cannot be created or mapped, naming it
     */
    MemoryPool createPool(PoolConfig config);

    /**
     * An allocator over {@code backing}: the heap, native memory or huge pages.
     *
     * @throws IllegalArgumentException for a shared memory or mapped file backing, which names one file: build a
     *     pool over it instead
     */
    Allocator allocator(Backing backing);

    /** Whether huge pages are available, checked when asked. */
    HugePageSupport hugePages();
}

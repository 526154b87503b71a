package dev.parallax.api.buffer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Buffers of any size, each in memory of its own, freed when its last handle is released.
 *
 * <p>For set-up and for sizes a pool does not fit, not for the per-buffer path: a native buffer has its own shared
 * {@link java.lang.foreign.Arena}, and closing one costs 25 to 100 microseconds (a handshake with every thread).
 * In exchange a segment taken from such a buffer and kept past its release fails too, instead of reading freed
 * memory.
 *
 * <p>A provider type: only the runtime implements it.
 */
@ProviderType
public interface Allocator {
    /** The memory this allocator hands out; {@link SegmentKind#NATIVE} where huge pages were unavailable. */
    SegmentKind kind();

    /**
     * A new zeroed buffer of {@code byteSize} bytes, aligned to {@code alignment}, with {@link Metadata#EMPTY}.
     *
     * @throws IllegalArgumentException if the size is below 1 or the alignment is not a power of two
     */
    Buffer allocate(long byteSize, long alignment);

    /** A new zeroed buffer of {@code byteSize} bytes aligned to a cache line. */
    default Buffer allocate(long byteSize) {
        return allocate(byteSize, PoolConfig.CACHE_LINE);
    }
}

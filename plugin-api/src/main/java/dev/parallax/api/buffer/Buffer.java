package dev.parallax.api.buffer;

import java.lang.foreign.MemorySegment;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A handle on bytes in memory (a {@link MemorySegment}) and the {@link Metadata} that goes with them.
 *
 * <p><b>No copies.</b> Passing a handle, {@link #slice slicing} it and {@link #share sharing} it never copies a
 * byte: every handle over the same memory sees the same bytes at the same address.
 *
 * <p><b>Ownership.</b> Every handle is owned by exactly one piece of code at a time and released exactly once, by
 * {@link #release()} or by try-with-resources. To hand the bytes to someone else while keeping them, give them a
 * {@link #share()}; to hand them over for good, pass the handle and do not release it. The memory goes back to its
 * pool (or is freed) when the last handle over it is released, in whatever order the handles are released.
 *
 * <p><b>Safety.</b> Releasing a handle twice, or calling {@link #segment()}, {@link #slice} or {@link #share} on a
 * released handle, throws an {@link IllegalStateException} that names the handle and says what happened. A
 * released handle therefore never reads bytes that were freed or that its pool slot's next owner wrote. Each handle
 * is its own object with its own released mark, and the memory under it cannot be reused while any handle over it
 * is unreleased, so the check is two field reads per access (the handle's mark and whether its memory is still
 * open), with no lock and no search (see {@code docs/memory.md}).
 *
 * <p>The check guards the handle, not a {@link MemorySegment} taken from it: a segment obtained from {@link
 * #segment()} must not be kept after the handle is released. Pool memory stays mapped until its pool is closed, so
 * such a segment reads a later owner's bytes, never freed memory; making escaped segments fail too would take a
 * shared {@link java.lang.foreign.Arena} per loan, whose close is a handshake with every thread of the JVM: 25 to
 * 100 microseconds against 18 nanoseconds for a loan and return (benchmarks/memory). A buffer from an {@link
 * Allocator} does have its own arena, closed when its last handle is released: a segment kept past that throws from
 * then on.
 *
 * <p>A handle is not for concurrent use: hand it from thread to thread through something that orders the two
 * (a channel, a queue), as a pipeline does. Releasing a handle on one thread while another still reads through it
 * is a race the check cannot see.
 *
 * <p>A provider type: only the runtime implements it; elements and plugins use it.
 */
@ProviderType
public interface Buffer extends AutoCloseable {
    /**
     * The bytes, as a segment of {@link #byteSize()} bytes starting at this handle's first byte.
     *
     * @throws IllegalStateException if this handle was released, or its pool was closed
     */
    MemorySegment segment();

    /** The number of bytes this handle covers; still answers after release. */
    long byteSize();

    /** This handle's metadata; still answers after release. */
    Metadata metadata();

    /**
     * Sets this handle's metadata; other handles over the same bytes keep theirs.
     *
     * @throws IllegalStateException if this handle was released
     */
    void setMetadata(Metadata metadata);

    /**
     * A new handle over {@code length} bytes of this one starting at {@code offset}, with this handle's metadata. No
     * bytes are copied; the memory stays alive until both handles are released.
     *
     * @throws IndexOutOfBoundsException if the range does not lie inside this handle, naming it
     * @throws IllegalStateException if this handle was released
     */
    Buffer slice(long offset, long length);

    /**
     * A new handle over the same bytes, with the same metadata. No bytes are copied; the memory stays alive until
     * both handles are released.
     *
     * @throws IllegalStateException if this handle was released
     */
    Buffer share();

    /** Whether this handle was released. */
    boolean isReleased();

    /**
     * Releases this handle; when it was the last over its memory, the memory returns to its pool or is freed.
     *
     * @throws IllegalStateException if this handle was already released, naming it
     */
    void release();

    /** Releases this handle, as {@link #release()}, so that try-with-resources releases a loan. */
    @Override
    void close();
}

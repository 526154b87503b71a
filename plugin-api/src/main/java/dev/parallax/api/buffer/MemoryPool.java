package dev.parallax.api.buffer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Fixed-size slots in one segment, loaned out as {@link Buffer}s and returned when their last handle is released:
 * the per-buffer path of a pipeline allocates no memory.
 *
 * <pre>{@code
 * try (Buffer frame = pool.loan()) {
 *     camera.read(frame.segment());
 *     next.push(frame.share());
 * } // the slot returns when the share is released too
 * }</pre>
 *
 * <p>Loan and return take no lock: slots are tracked by a lock-free list, so a loan or return costs a few atomic
 * operations whatever the number of threads. Only a loan that finds the pool exhausted under {@link
 * ExhaustionPolicy#WAIT} blocks, and a return wakes it.
 *
 * <p>A provider type: only the runtime implements it.
 */
@ProviderType
public interface MemoryPool extends AutoCloseable {
    /** The configuration the pool was built from. */
    PoolConfig config();

    /** The memory the slots live in; {@link SegmentKind#NATIVE} where huge pages were asked for but unavailable. */
    SegmentKind kind();

    /**
     * Loans a slot: a buffer of {@link PoolConfig#slotSize()} bytes with {@link Metadata#EMPTY}. The bytes are
     * whatever the slot held last; zeroing them would cost a write of the whole slot per loan.
     *
     * @throws IllegalStateException if the pool is exhausted (at once under {@link ExhaustionPolicy#FAIL}, after
     *     the wait timeout under {@link ExhaustionPolicy#WAIT}) or closed, naming the pool and its size
     * @throws InterruptedException if interrupted while waiting for a slot
     */
    Buffer loan() throws InterruptedException;

    /** The pool's use so far. */
    PoolStats stats();

    /**
     * Frees the pool's memory (writing a mapped file back first). Handles still on loan fail with an {@link
     * IllegalStateException} from then on; releasing them is allowed and does nothing more. Closing twice does
     * nothing.
     */
    @Override
    void close();
}

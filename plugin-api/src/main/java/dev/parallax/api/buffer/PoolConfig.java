package dev.parallax.api.buffer;

import java.time.Duration;
import java.util.Objects;

/**
 * How to build a {@link MemoryPool}: {@code slots} slots of {@code slotSize} bytes each in one segment.
 *
 * @param name names the pool in statistics and error messages
 * @param slots the number of slots, 1 to {@link #MAX_SLOTS}
 * @param slotSize the bytes in a slot, at least 1
 * @param alignment the alignment of each slot's first byte, a power of two; slots are spaced to keep it
 * @param backing the memory the slots live in
 * @param whenExhausted what a loan does when every slot is on loan
 * @param waitTimeout how long a loan waits under {@link ExhaustionPolicy#WAIT}, positive
 */
public record PoolConfig(
        String name,
        int slots,
        long slotSize,
        long alignment,
        Backing backing,
        ExhaustionPolicy whenExhausted,
        Duration waitTimeout) {
    /**
     * The most slots a pool may have, 2^20: the pool keeps about 200 bytes of bookkeeping per slot (each slot's
     * free-list link has a cache line of its own), so a larger pool would cost more heap than it is worth.
     */
    public static final int MAX_SLOTS = 1 << 20;

    /** The default slot alignment: a cache line, so that no two slots share one. */
    public static final long CACHE_LINE = 64;

    /** Checks every value, naming it and the rule it breaks. */
    public PoolConfig {
        Objects.requireNonNull(name, "PoolConfig name");
        Objects.requireNonNull(backing, "PoolConfig backing");
        Objects.requireNonNull(whenExhausted, "PoolConfig whenExhausted");
        Objects.requireNonNull(waitTimeout, "PoolConfig waitTimeout");
        if (name.isBlank()) {
            throw new IllegalArgumentException("Pool name must not be blank");
        }
        if (slots < 1 || slots > MAX_SLOTS) {
            throw new IllegalArgumentException("Pool '" + name + "' slots must be 1 to " + MAX_SLOTS + ": " + slots);
        }
        if (slotSize < 1) {
            throw new IllegalArgumentException("Pool '" + name + "' slot size must be at least 1 byte: " + slotSize);
        }
        if (alignment < 1 || Long.bitCount(alignment) != 1) {
            throw new IllegalArgumentException("Pool '" + name + "' alignment must be a power of two: " + alignment);
        }
        if (waitTimeout.isNegative() || waitTimeout.isZero()) {
            throw new IllegalArgumentException("Pool '" + name + "' wait timeout must be positive: " + waitTimeout);
        }
    }

    /** A native pool with cache-line-aligned slots that waits up to one second when exhausted. */
    public static PoolConfig of(String name, int slots, long slotSize) {
        return new PoolConfig(
                name, slots, slotSize, CACHE_LINE, Backing.NATIVE, ExhaustionPolicy.WAIT, Duration.ofSeconds(1));
    }

    /** This configuration over another backing. */
    public PoolConfig withBacking(Backing backing) {
        return new PoolConfig(name, slots, slotSize, alignment, backing, whenExhausted, waitTimeout);
    }

    /** This configuration with another slot alignment. */
    public PoolConfig withAlignment(long alignment) {
        return new PoolConfig(name, slots, slotSize, alignment, backing, whenExhausted, waitTimeout);
    }

    /** This configuration failing at once when exhausted. */
    public PoolConfig failWhenExhausted() {
        return new PoolConfig(name, slots, slotSize, alignment, backing, ExhaustionPolicy.FAIL, waitTimeout);
    }

    /** This configuration waiting up to {@code timeout} when exhausted. */
    public PoolConfig waitWhenExhausted(Duration timeout) {
        return new PoolConfig(name, slots, slotSize, alignment, backing, ExhaustionPolicy.WAIT, timeout);
    }
}

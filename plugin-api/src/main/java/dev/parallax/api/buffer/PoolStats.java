package dev.parallax.api.buffer;

/**
 * A snapshot of a pool's use. The counters are read one after the other while loans go on, so under load they are
 * each exact but not taken at one instant.
 *
 * @param pool the pool's name
 * @param slots the number of slots
 * @param inUse the slots on loan now
 * @param highWater the most slots that were on loan at once
 * @param waits the loans that found the pool exhausted and waited
 * @param timeouts the waits that ended without a slot
 * @param failures the loans refused at once under {@link ExhaustionPolicy#FAIL}
 */
public record PoolStats(String pool, int slots, int inUse, int highWater, long waits, long timeouts, long failures) {}

package dev.parallax.core.internal.pipeline.ipc;

import dev.parallax.api.pipeline.PropertySpec;
import dev.parallax.api.pipeline.PropertyValues;
import java.nio.file.Path;
import java.time.Duration;

/** The properties {@code shmsink} and {@code shmsrc} share, described once. */
final class IpcProperties {
    private IpcProperties() {}

    /** {@code wait-timeout}: milliseconds, default 10 s. */
    static PropertySpec waitTimeout(String description) {
        return PropertySpec.integer("wait-timeout", 10_000, 1, 3_600_000, description);
    }

    /** {@code spin-time}: microseconds, default 50. */
    static PropertySpec spinTime() {
        return PropertySpec.integer(
                "spin-time",
                50,
                0,
                60_000_000,
                "How long a wait on the shared rings polls and yields before it parks, in microseconds: more lowers"
                        + " the latency after a pause and costs CPU while waiting");
    }

    /** {@code busy-poll}: off by default. */
    static PropertySpec busyPoll() {
        return PropertySpec.bool(
                "busy-poll",
                false,
                "Poll the shared rings without ever pausing, yielding or parking: the lowest latency, for a process"
                        + " with a core of its own per waiting side; overrides spin-time");
    }

    /**
     * The {@code socket-path} property.
     *
     * @throws IllegalArgumentException if it is blank
     */
    static Path socket(PropertyValues properties) {
        String path = properties.string("socket-path");
        if (path.isBlank()) {
            throw new IllegalArgumentException("Property 'socket-path' must name a file, e.g. /tmp/parallax.sock");
        }
        return Path.of(path);
    }

    static Duration waitTimeout(PropertyValues properties) {
        return Duration.ofMillis(properties.integer("wait-timeout"));
    }

    /** The spin time in nanoseconds, or {@link Backoff#BUSY_POLL} when {@code busy-poll} is on. */
    static long spinNanos(PropertyValues properties) {
        return properties.bool("busy-poll") ? Backoff.BUSY_POLL : properties.integer("spin-time") * 1000;
    }
}

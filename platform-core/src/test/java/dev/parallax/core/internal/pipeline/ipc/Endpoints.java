package dev.parallax.core.internal.pipeline.ipc;

import dev.parallax.api.buffer.Format;
import java.nio.file.Path;
import java.time.Duration;

/** Test helpers: socket paths no other run uses, and senders and receivers with short timeouts. */
final class Endpoints {
    /** Spin briefly, so that the park-and-doorbell path is exercised too. */
    static final long SPIN_NANOS = 20_000;

    private Endpoints() {}

    static Path socket(String what) {
        return Path.of(System.getProperty("java.io.tmpdir"))
                .resolve("parallax-test-" + what + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime()
                        + ".sock");
    }

    static ShmSender sender(Path socket, int slots, long slotSize, Format format) {
        return ShmSender.open(new ShmSender.Options(
                socket, slots, slotSize, format, Duration.ofSeconds(30), SPIN_NANOS, () -> false));
    }

    static ShmSender.Options senderOptions(Path socket, int slots, long slotSize, Duration waitTimeout) {
        return new ShmSender.Options(socket, slots, slotSize, Format.BYTES, waitTimeout, SPIN_NANOS, () -> false);
    }

    static ShmReceiver receiver(Path socket, Format format) throws InterruptedException {
        return ShmReceiver.connect(
                new ShmReceiver.Options(socket, format, Duration.ofSeconds(30), SPIN_NANOS, () -> false));
    }
}

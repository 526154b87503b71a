package dev.parallax.benchmarks.ipc;

import dev.parallax.api.buffer.Format;
import dev.parallax.core.internal.pipeline.ipc.ShmSender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A sender in this process linked to a {@link Receiver} in a child process: the same java, the same jar. */
final class Link implements AutoCloseable {
    /** The elements' default spin time: a wait spins 50 us before it parks (docs/ipc.md). */
    static final long DEFAULT_SPIN = 50_000;

    /** Busy-polling: waits never pause, yield or park (the elements' {@code busy-poll=true}). */
    static final long BUSY_POLL = Long.MAX_VALUE;

    final ShmSender sender;
    private final Process receiver;

    /**
     * Opens a sender with {@code slots} slots of {@code slotSize} bytes and starts the receiving process, both
     * sides waiting with {@code spinNanos}.
     */
    Link(int slots, long slotSize, long spinNanos) throws IOException, InterruptedException {
        Path socket = Path.of(System.getProperty("java.io.tmpdir"))
                .resolve("parallax-bench-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".sock");
        sender = ShmSender.open(new ShmSender.Options(
                socket, slots, slotSize, Format.BYTES, Duration.ofSeconds(30), spinNanos, () -> false));
        receiver = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Receiver.class.getName(),
                        socket.toString(),
                        Long.toString(spinNanos))
                .redirectErrorStream(true)
                .start();
        sender.awaitReceiver();
    }

    /**
     * Ends the stream and checks that the receiver got every buffer in order, so that no figure measures a bug.
     *
     * @throws IllegalStateException if it did not, with what it printed
     */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            sender.endOfStream();
            if (!receiver.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The receiving process did not end");
            }
            String output = new String(receiver.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            String expected = "received " + sender.sent();
            if (receiver.exitValue() != 0 || !output.equals(expected)) {
                throw new IllegalStateException("The receiving process printed '" + output + "' and exited with "
                        + receiver.exitValue() + "; expected '" + expected + "' and 0");
            }
        } finally {
            receiver.destroyForcibly();
            sender.close();
        }
    }
}

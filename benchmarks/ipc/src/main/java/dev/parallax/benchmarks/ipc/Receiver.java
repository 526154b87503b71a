package dev.parallax.benchmarks.ipc;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.core.internal.pipeline.ipc.IpcException;
import dev.parallax.core.internal.pipeline.ipc.ShmReceiver;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The receiving process of the benchmarks: connects to the socket given as the first argument (its waits spin as
 * many nanoseconds as the second says before they park; {@link Long#MAX_VALUE} busy-polls), reads the first 8
 * bytes of every buffer (the sequence number the sender wrote), checks that they count up from 0, and releases the
 * buffer. Prints {@code received N} at the end of the stream; exits with 2 if a number was out of order, 3 if the
 * transport failed.
 */
public final class Receiver {
    private Receiver() {}

    public static void main(String[] args) throws InterruptedException {
        ShmReceiver.Options options = new ShmReceiver.Options(
                Path.of(args[0]), Format.BYTES, Duration.ofSeconds(30), Long.parseLong(args[1]), () -> false);
        try (ShmReceiver receiver = ShmReceiver.connect(options)) {
            long expected = 0;
            for (Buffer buffer; (buffer = receiver.receive()) != null; expected++) {
                long sequence = buffer.segment().get(ValueLayout.JAVA_LONG, 0);
                buffer.release();
                if (sequence != expected) {
                    System.out.println("buffer " + expected + " carried sequence number " + sequence);
                    System.exit(2);
                }
            }
            System.out.println("received " + expected);
        } catch (IpcException e) {
            System.out.println("failed: " + e.getMessage());
            System.exit(3);
        }
        System.exit(0);
    }
}

package dev.parallax.core.internal.pipeline.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.buffer.Metadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The transport between this JVM and a child JVM, including either side being killed mid-stream. */
@Timeout(120)
class TwoProcessTest {
    /** How soon a killed peer must be reported: the goal is about a second, on a loaded 2-core machine. */
    private static final Duration DETECTION_BOUND = Duration.ofSeconds(5);

    private final Path socket = Endpoints.socket("processes");

    /**
     * 5,000 buffers through 16 slots of 4 KiB from the child, half copied there from heap buffers and half written
     * in loaned slots; this side checks every byte against the content computed again here, every metadata field,
     * and that each buffer is a view of the shared slots.
     */
    @Test
    void childSends_parentReceivesEveryByteWithoutCopy() throws Exception {
        long count = 5000;
        long slotSize = 4096;
        try (ChildProcess child = new ChildProcess("send", socket.toString(), "" + count, "16", "" + slotSize);
                ShmReceiver receiver = Endpoints.receiver(socket, Format.BYTES)) {
            for (long seq = 0; seq < count; seq++) {
                Buffer buffer = receiver.receive();
                assertNull(TestContent.mismatch(buffer.segment(), seq, slotSize));
                assertEquals(TestContent.metadata(seq), buffer.metadata());
                assertTrue(receiver.isSharedSlot(buffer.segment()), "buffer " + seq + " was copied");
                buffer.release();
            }
            assertNull(receiver.receive());
            assertTrue(receiver.isEndOfStream());
            assertEquals(0, child.exitStatus(), child.output());
            assertTrue(child.output().contains("sent " + count), child.output());
        }
    }

    @Test
    void parentSends_childReceivesEveryByte() throws Exception {
        long count = 5000;
        long slotSize = 4096;
        try (ShmSender sender = Endpoints.sender(socket, 16, slotSize, Format.BYTES);
                ChildProcess child = new ChildProcess("receive", socket.toString(), "16", "" + slotSize)) {
            sender.awaitReceiver();
            for (long seq = 0; seq < count; seq++) {
                sender.send(new HeapBuffer(TestContent.bytes(seq, slotSize), TestContent.metadata(seq)));
            }
            sender.endOfStream();
            assertEquals(0, child.exitStatus(), child.output());
            assertTrue(child.output().contains("received " + count), child.output());
        }
    }

    @Test
    void senderKilledMidStream_receiverFailsNamingItWithinTheBound() throws Exception {
        long slotSize = 4096;
        try (ChildProcess child = new ChildProcess("send", socket.toString(), "-1", "16", "" + slotSize);
                ShmReceiver receiver = Endpoints.receiver(socket, Format.BYTES)) {
            for (long seq = 0; seq < 1000; seq++) {
                Buffer buffer = receiver.receive();
                assertNull(TestContent.mismatch(buffer.segment(), seq, slotSize));
                buffer.release();
            }
            long killed = System.nanoTime();
            child.kill();

            IpcException e = assertThrows(IpcException.class, () -> {
                for (Buffer buffer; (buffer = receiver.receive()) != null; ) {
                    buffer.release(); // what the sender published before it died
                }
            });
            Duration detected = Duration.ofNanos(System.nanoTime() - killed);
            assertTrue(detected.compareTo(DETECTION_BOUND) < 0, "detected after " + detected);
            assertTrue(
                    e.getMessage()
                            .startsWith("The sender (pid " + child.pid() + ") on socket " + socket
                                    + " went away without closing the connection: its process died or was killed"),
                    e.getMessage());
        }
    }

    @Test
    void receiverKilledMidStream_senderFailsNamingItWithinTheBound() throws Exception {
        long slotSize = 4096;
        try (ShmSender sender = Endpoints.sender(socket, 16, slotSize, Format.BYTES);
                ChildProcess child = new ChildProcess("receive", socket.toString(), "16", "" + slotSize)) {
            sender.awaitReceiver();
            long seq = 0;
            for (; seq < 1000; seq++) {
                sender.send(new HeapBuffer(TestContent.bytes(seq, slotSize), TestContent.metadata(seq)));
            }
            long killed = System.nanoTime();
            child.kill();

            long next = seq;
            IpcException e = assertThrows(IpcException.class, () -> {
                for (long s = next; ; s++) {
                    sender.send(new HeapBuffer(TestContent.bytes(s, slotSize), TestContent.metadata(s)));
                }
            });
            Duration detected = Duration.ofNanos(System.nanoTime() - killed);
            assertTrue(detected.compareTo(DETECTION_BOUND) < 0, "detected after " + detected);
            assertTrue(
                    e.getMessage()
                            .startsWith("The receiver (pid " + child.pid() + ") on socket " + socket
                                    + " went away without closing the connection: its process died or was killed"),
                    e.getMessage());
        }
    }

    @Test
    void filesOfAKilledSender_areCleanedUpByTheNextSender() throws Exception {
        String shmName;
        try (ChildProcess child = new ChildProcess("listen", socket.toString())) {
            shmName = child.awaitLine("listening ").substring("listening ".length());
            child.kill();
        }
        Path stale = ShmFiles.DIRECTORY.resolve(shmName);
        assertTrue(Files.exists(stale), "kill -9 leaves the shared memory file");
        assertTrue(Files.exists(socket), "and the socket file");

        try (ShmSender next = Endpoints.sender(socket, 2, 64, Format.BYTES);
                ShmReceiver receiver = Endpoints.receiver(socket, Format.BYTES)) {
            assertFalse(Files.exists(stale), "the next sender deleted the dead process's file");
            next.awaitReceiver();
            next.send(new HeapBuffer(new byte[] {5}, Metadata.EMPTY));
            receiver.receive().release();
        }
    }
}

package dev.parallax.core.internal.pipeline.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.buffer.Metadata;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The transport in one JVM: sender and receiver on two threads, through a real socket and /dev/shm file. */
@Timeout(60)
class TransportTest {
    private final Path socket = Endpoints.socket("transport");

    /**
     * 20,000 buffers through 8 slots of 1000 bytes (the rings lap 2,500 times), half copied from upstream buffers
     * and half written in loaned slots; every byte, length and metadata field is compared with the content the
     * sender wrote, computed again independently, and every received buffer must be a view of the shared slots. Run
     * with each way of waiting: parking at once (every wait goes through the doorbell), spinning first, and
     * busy-polling.
     */
    @ParameterizedTest
    @ValueSource(longs = {0, Endpoints.SPIN_NANOS, Backoff.BUSY_POLL})
    void stream_twoThreads_everyBufferArrivesIntactWithoutCopy(long spinNanos) throws Exception {
        long count = 20_000;
        long slotSize = 1000;
        try (ShmSender sender = ShmSender.open(new ShmSender.Options(
                socket, 8, slotSize, Format.BYTES, Duration.ofSeconds(30), spinNanos, () -> false))) {
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                try {
                    sender.awaitReceiver();
                    for (long seq = 0; seq < count; seq++) {
                        if (seq % 2 == 0) {
                            sender.send(new HeapBuffer(TestContent.bytes(seq, slotSize), TestContent.metadata(seq)));
                        } else {
                            Buffer slot = sender.loan();
                            Buffer part = slot.slice(0, TestContent.length(seq, slotSize));
                            slot.release();
                            TestContent.fill(part.segment(), seq);
                            part.setMetadata(TestContent.metadata(seq));
                            assertTrue(sender.send(part));
                        }
                    }
                    sender.endOfStream();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            try (ShmReceiver receiver = ShmReceiver.connect(
                    new ShmReceiver.Options(socket, Format.BYTES, Duration.ofSeconds(30), spinNanos, () -> false))) {
                for (long seq = 0; seq < count; seq++) {
                    Buffer buffer = receiver.receive();
                    assertNull(TestContent.mismatch(buffer.segment(), seq, slotSize));
                    assertEquals(TestContent.metadata(seq), buffer.metadata());
                    assertTrue(receiver.isSharedSlot(buffer.segment()), "buffer " + seq + " was copied");
                    buffer.release();
                }
                assertNull(receiver.receive(), "the end of the stream after the last buffer");
                assertTrue(receiver.isEndOfStream());
                sending.get(30, TimeUnit.SECONDS);
                assertEquals(count, sender.sent());
                assertEquals(count, receiver.received());
            }
        }
    }

    @Test
    void receivedBuffer_releasedTwiceOrUsedAfterRelease_failsNamingTheHandle() throws Exception {
        try (ShmSender sender = Endpoints.sender(socket, 2, 64, Format.BYTES);
                ShmReceiver receiver = Endpoints.receiver(socket, Format.BYTES)) {
            sender.awaitReceiver();
            sender.send(new HeapBuffer(new byte[10], Metadata.EMPTY));
            Buffer buffer = receiver.receive();
            buffer.release();

            IllegalStateException twice = assertThrows(IllegalStateException.class, buffer::release);
            assertEquals(
                    "Buffer [shmsrc '" + socket + "' slot 0, received 1, bytes 0 to 10] was already released:"
                            + " release each handle once; to keep the bytes in two places, share() the buffer",
                    twice.getMessage());
            IllegalStateException read = assertThrows(IllegalStateException.class, buffer::segment);
            assertTrue(
                    read.getMessage()
                            .startsWith("Buffer [shmsrc '" + socket + "' slot 0, received 1, bytes 0 to 10] was"
                                    + " released and cannot read"),
                    read.getMessage());
            assertThrows(IllegalStateException.class, buffer::share);
            assertThrows(IllegalStateException.class, () -> buffer.slice(0, 1));
        }
    }

    @Test
    void slot_returnsToSenderOnlyWhenItsLastShareIsReleased() throws Exception {
        try (ShmSender sender = Endpoints.sender(socket, 1, 64, Format.BYTES);
                ShmReceiver receiver = Endpoints.receiver(socket, Format.BYTES)) {
            sender.awaitReceiver();
            sender.send(new HeapBuffer(new byte[] {1, 2, 3}, Metadata.EMPTY));
            Buffer received = receiver.receive();
            Buffer share = received.share();
            Buffer slice = received.slice(1, 2);
            received.release();
            share.release();

            CompletableFuture<Buffer> loan = CompletableFuture.supplyAsync(() -> {
                try {
                    return sender.loan();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(200);
            assertFalse(loan.isDone(), "the one slot is still held by the slice");
            assertEquals(2, slice.segment().get(ValueLayout.JAVA_BYTE, 0));
            slice.release();
            loan.get(10, TimeUnit.SECONDS).release();
        }
    }

    @Test
    void receivedBuffer_heldAfterClose_staysReadableUntilReleased() throws Exception {
        ShmSender sender = Endpoints.sender(socket, 2, 64, Format.BYTES);
        ShmReceiver receiver = Endpoints.receiver(socket, Format.BYTES);
        sender.awaitReceiver();
        sender.send(new HeapBuffer(new byte[] {42}, Metadata.EMPTY));
        sender.endOfStream();
        Buffer held = receiver.receive();
        sender.close();
        receiver.close();

        assertEquals(42, held.segment().get(ValueLayout.JAVA_BYTE, 0), "the mapping outlives both closes");
        held.release();
    }

    @Test
    void shmFile_isDeletedOnceTheReceiverMappedIt() throws Exception {
        try (ShmSender sender = Endpoints.sender(socket, 2, 64, Format.BYTES)) {
            Path file = ShmFiles.DIRECTORY.resolve(sender.shmName());
            assertTrue(Files.exists(file), "the file is there for the receiver to map");
            try (ShmReceiver receiver = Endpoints.receiver(socket, Format.BYTES)) {
                sender.awaitReceiver();
                assertFalse(Files.exists(file), "both sides mapped it: nothing to leave behind");
                assertFalse(Files.exists(socket), "one receiver only: the socket file is gone too");
            }
        }
    }

    @Test
    void shmFile_withoutReceiver_isDeletedOnClose() {
        ShmSender sender = Endpoints.sender(socket, 2, 64, Format.BYTES);
        Path file = ShmFiles.DIRECTORY.resolve(sender.shmName());
        sender.close();

        assertFalse(Files.exists(file));
        assertFalse(Files.exists(socket));
    }

    @Test
    void formatMismatch_failsBothSidesNamingBothFormats() throws Exception {
        Format sent = new Format("gray8", java.util.Map.of("width", "640", "height", "480", "stride", "640"));
        try (ShmSender sender = Endpoints.sender(socket, 2, 64, sent)) {
            IpcException e = assertThrows(IpcException.class, () -> Endpoints.receiver(socket, Format.BYTES));
            assertTrue(
                    e.getMessage()
                            .startsWith("The shmsrc on socket " + socket + " expects format bytes but the"
                                    + " sender (pid " + ProcessHandle.current().pid() + ") on socket " + socket
                                    + " sends gray8(height=480, stride=640, width=640)"),
                    e.getMessage());
            IpcException onSender = assertThrows(IpcException.class, sender::awaitReceiver);
            assertTrue(onSender.getMessage().contains("reported an error: The shmsrc"), onSender.getMessage());
        }
    }

    @Test
    void noReceiver_awaitFailsAfterTheTimeoutNamingTheSocket() {
        try (ShmSender sender = ShmSender.open(Endpoints.senderOptions(socket, 2, 64, Duration.ofMillis(200)))) {
            IpcException e = assertThrows(IpcException.class, sender::awaitReceiver);
            assertEquals(
                    "No receiver connected to the shmsink '" + socket + "' within 200 ms: start a shmsrc with"
                            + " socket-path=" + socket + ", or raise wait-timeout",
                    e.getMessage());
        }
    }

    @Test
    void noSender_connectFailsAfterTheTimeoutNamingTheSocket() {
        IpcException e = assertThrows(
                IpcException.class,
                () -> ShmReceiver.connect(
                        new ShmReceiver.Options(socket, Format.BYTES, Duration.ofMillis(100), 0, () -> false)));
        assertTrue(
                e.getMessage().startsWith("No shmsink listens on socket " + socket + " after 100 ms"), e.getMessage());
    }

    @Test
    void secondSender_onASocketInUse_isRefused() {
        try (ShmSender first = Endpoints.sender(socket, 2, 64, Format.BYTES)) {
            IpcException e = assertThrows(IpcException.class, () -> Endpoints.sender(socket, 2, 64, Format.BYTES));
            assertEquals(
                    "Socket " + socket + " is in use: another shmsink listens on it; choose another socket-path",
                    e.getMessage());
        }
    }

    @Test
    void bufferLargerThanASlot_isRefusedNamingBothSizes() throws Exception {
        try (ShmSender sender = Endpoints.sender(socket, 2, 64, Format.BYTES);
                ShmReceiver receiver = Endpoints.receiver(socket, Format.BYTES)) {
            HeapBuffer big = new HeapBuffer(new byte[65], Metadata.EMPTY);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sender.send(big));
            assertEquals(
                    "A buffer of 65 bytes does not fit the slots of 64 bytes of the shmsink '" + socket
                            + "': raise slot-size",
                    e.getMessage());
            assertTrue(big.isReleased(), "a buffer handed over is released even when refused");
        }
    }

    @Test
    void receiverClosed_nextSendFailsNamingTheReceiver() throws Exception {
        try (ShmSender sender = Endpoints.sender(socket, 2, 64, Format.BYTES)) {
            ShmReceiver receiver = Endpoints.receiver(socket, Format.BYTES);
            sender.awaitReceiver();
            receiver.close();

            IpcException e = assertThrows(IpcException.class, () -> {
                for (int i = 0; i < 1000; i++) {
                    sender.send(new HeapBuffer(new byte[1], Metadata.EMPTY));
                    Thread.sleep(5);
                }
            });
            assertTrue(
                    e.getMessage()
                            .startsWith("The receiver (pid "
                                    + ProcessHandle.current().pid() + ") on socket " + socket
                                    + " closed the connection"),
                    e.getMessage());
        }
    }

    @Test
    void senderClosedWithoutEndOfStream_receiveFailsNamingTheSender() throws Exception {
        ShmSender sender = Endpoints.sender(socket, 2, 64, Format.BYTES);
        try (ShmReceiver receiver = Endpoints.receiver(socket, Format.BYTES)) {
            sender.awaitReceiver();
            sender.send(new HeapBuffer(new byte[] {7}, Metadata.EMPTY));
            sender.close();

            Buffer first = receiver.receive();
            assertEquals(7, first.segment().get(ValueLayout.JAVA_BYTE, 0), "what was sent before arrives");
            first.release();
            IpcException e = assertThrows(IpcException.class, receiver::receive);
            assertEquals(
                    "The sender (pid " + ProcessHandle.current().pid() + ") on socket " + socket
                            + " closed the connection before the end of the stream; 1 buffers were received",
                    e.getMessage());
        }
    }

    @Test
    void staleSocketFile_withNobodyListening_isTakenOver() throws Exception {
        java.nio.channels.ServerSocketChannel dead = SocketFiles.listen(socket);
        dead.close(); // closing a bound channel leaves its file, as a crashed sender would
        assertTrue(Files.exists(socket));

        try (ShmSender sender = Endpoints.sender(socket, 2, 64, Format.BYTES);
                ShmReceiver receiver = Endpoints.receiver(socket, Format.BYTES)) {
            sender.awaitReceiver();
        }
    }
}

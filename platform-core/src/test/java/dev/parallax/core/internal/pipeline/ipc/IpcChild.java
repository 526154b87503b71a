package dev.parallax.core.internal.pipeline.ipc;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import java.nio.file.Path;

/**
 * The other process of the two-process tests, started by {@link TwoProcessTest} with the test class path.
 *
 * <pre>
 * IpcChild send SOCKET COUNT SLOTS SLOT_SIZE     listens, sends COUNT buffers of known content (-1: forever), ends
 * IpcChild receive SOCKET SLOTS SLOT_SIZE        connects, checks every buffer's content, prints "received N"
 * IpcChild listen SOCKET                         listens, prints "listening SHM_NAME", waits to be killed
 * </pre>
 *
 * Exit status 0 when all went well, 2 when a buffer's content was wrong, 3 when the transport failed.
 */
public final class IpcChild {
    private IpcChild() {}

    public static void main(String[] args) throws Exception {
        Path socket = Path.of(args[1]);
        try {
            switch (args[0]) {
                case "send" ->
                    send(socket, Long.parseLong(args[2]), Integer.parseInt(args[3]), Long.parseLong(args[4]));
                case "receive" -> receive(socket, Long.parseLong(args[3]));
                case "listen" -> listen(socket);
                default -> throw new IllegalArgumentException("unknown role " + args[0]);
            }
        } catch (IpcException e) {
            System.out.println("failed: " + e.getMessage());
            System.exit(3);
        }
        System.exit(0);
    }

    private static void send(Path socket, long count, int slots, long slotSize) throws InterruptedException {
        try (ShmSender sender = Endpoints.sender(socket, slots, slotSize, Format.BYTES)) {
            System.out.println("listening " + sender.shmName());
            sender.awaitReceiver();
            for (long seq = 0; count < 0 || seq < count; seq++) {
                if (seq % 2 == 0) {
                    sender.send(new HeapBuffer(TestContent.bytes(seq, slotSize), TestContent.metadata(seq)));
                } else {
                    Buffer slot = sender.loan();
                    Buffer part = slot.slice(0, TestContent.length(seq, slotSize));
                    slot.release();
                    TestContent.fill(part.segment(), seq);
                    part.setMetadata(TestContent.metadata(seq));
                    sender.send(part);
                }
            }
            sender.endOfStream();
            System.out.println("sent " + sender.sent());
        }
    }

    private static void receive(Path socket, long slotSize) throws InterruptedException {
        try (ShmReceiver receiver = Endpoints.receiver(socket, Format.BYTES)) {
            System.out.println("connected");
            for (Buffer buffer; (buffer = receiver.receive()) != null; ) {
                long seq = receiver.received() - 1;
                String mismatch = TestContent.mismatch(buffer.segment(), seq, slotSize);
                if (mismatch != null || !buffer.metadata().equals(TestContent.metadata(seq))) {
                    System.out.println("wrong: " + mismatch + " " + buffer.metadata());
                    System.exit(2);
                }
                buffer.release();
            }
            System.out.println("received " + receiver.received());
        }
    }

    private static void listen(Path socket) throws InterruptedException {
        ShmSender sender = Endpoints.sender(socket, 4, 4096, Format.BYTES);
        System.out.println("listening " + sender.shmName());
        Thread.sleep(Long.MAX_VALUE);
    }
}

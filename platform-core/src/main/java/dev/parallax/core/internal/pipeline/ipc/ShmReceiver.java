package dev.parallax.core.internal.pipeline.ipc;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.buffer.Metadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The receiving end of a transport: connects to a sender's control socket, maps its shared memory file, and hands
 * out the sent buffers as views of the slots, never copying a byte. Releasing a received buffer's last handle puts
 * its slot on the returned ring, for the sender to fill again.
 *
 * <pre>{@code
 * try (ShmReceiver receiver = ShmReceiver.connect(new ShmReceiver.Options(socket, Format.BYTES, ...))) {
 *     for (Buffer buffer; (buffer = receiver.receive()) != null; ) {
 *         use(buffer.segment());
 *         buffer.release();                 // the slot goes back to the sender
 *     }
 * }
 * }</pre>
 *
 * <p>The mapping stays until this side is closed and every buffer it handed out is released, so a buffer held
 * downstream stays readable after the sender ended or died.
 *
 * <p>Not for concurrent use: one thread at a time receives (as the runtime calls a source), and {@link #close()}
 * comes after the last receive. Received buffers may be released on any thread.
 */
public final class ShmReceiver implements AutoCloseable {
    /**
     * How to connect a receiver.
     *
     * @param socket the sender's control socket
     * @param format the format the sender must announce: the pipeline negotiated it before connecting
     * @param waitTimeout how long to wait for the socket to appear and for the sender's HELLO
     * @param spinNanos how long a wait for a buffer spins before it parks; {@link Long#MAX_VALUE}
     *     busy-polls: never pauses, yields or parks (for a side with a core of its own)
     * @param stopping asked on every turn of a wait: true ends the wait (the pipeline is stopping)
     */
    public record Options(Path socket, Format format, Duration waitTimeout, long spinNanos, BooleanSupplier stopping) {
        /** Checks that nothing is missing. */
        public Options {
            Objects.requireNonNull(socket, "socket");
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(waitTimeout, "waitTimeout");
            Objects.requireNonNull(stopping, "stopping");
        }
    }

    /** How often a connect is retried while the socket is not there yet. */
    private static final long RETRY_MILLIS = 10;

    private final Options options;
    private final String name;
    private final ControlChannel control;
    private final ShmLayout layout;
    private final MemorySegment file;
    private final SentRing sent;
    private final ReturnRing returned;
    private final SlotArea area;
    private final Backoff backoff;
    private boolean ended;
    private boolean closed;

    private ShmReceiver(Options options, ControlChannel control, ShmLayout layout, Arena arena, MemorySegment file) {
        this.options = options;
        this.name = "shmsrc '" + options.socket() + "'";
        this.control = control;
        this.layout = layout;
        this.file = file;
        this.sent = new SentRing(file, layout);
        this.returned = new ReturnRing(file, layout);
        this.backoff = new Backoff(file, ShmLayout.RECEIVER_SLEEPING_AT, options.spinNanos(), sent::ready);
        this.area = new SlotArea(name, "received", arena, file, layout, this::giveBack);
    }

    /**
     * Connects to the sender, waiting up to the wait timeout for its socket to appear, checks its HELLO (protocol
     * version, format) and maps its file.
     *
     * @throws IpcException if no sender came in time, or its set-up was refused (the sender is told why too)
     */
    public static ShmReceiver connect(Options options) throws InterruptedException {
        long deadline = System.nanoTime() + options.waitTimeout().toNanos();
        SocketChannel channel = open(options, deadline);
        Waker waker = new Waker();
        ControlChannel control = new ControlChannel(channel, "sender", options.socket(), waker);
        control.start("shmsrc " + options.socket() + " control");
        Arena arena = null;
        try {
            Message first = control.awaitFirst(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (!(first instanceof Message.Hello hello)) {
                throw refuse(control, "The " + control.peer() + " began with " + first + " instead of HELLO");
            }
            control.peerPid(hello.pid());
            ShmLayout layout = accept(control, hello, options);
            arena = Arena.ofShared();
            MemorySegment file = ShmFiles.open(hello.shmName(), layout.fileSize(), arena);
            layout.checkHeader(file, hello.shmName());
            ShmReceiver receiver = new ShmReceiver(options, control, layout, arena, file);
            waker.backoff = receiver.backoff;
            control.send(
                    new Message.Ready(ShmLayout.VERSION, ProcessHandle.current().pid()));
            return receiver;
        } catch (UncheckedIOException | IllegalStateException e) {
            if (arena != null) {
                arena.close();
            }
            throw refuse(control, e.getMessage());
        } catch (RuntimeException | InterruptedException e) {
            if (arena != null) {
                arena.close();
            }
            control.close();
            throw e;
        }
    }

    private static SocketChannel open(Options options, long deadline) throws InterruptedException {
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(options.socket());
        while (true) {
            try {
                return SocketChannel.open(address);
            } catch (IOException e) {
                if (System.nanoTime() - deadline >= 0) {
                    throw new IpcException("No shmsink listens on socket " + options.socket() + " after "
                            + options.waitTimeout().toMillis() + " ms (" + e.getMessage() + "): start the sending"
                            + " pipeline, check socket-path, or raise wait-timeout");
                }
                if (options.stopping().getAsBoolean()) {
                    throw new IpcException("Stopped while waiting for a shmsink on socket " + options.socket());
                }
                Thread.sleep(RETRY_MILLIS);
            }
        }
    }

    /** Checks HELLO against this side, returning the layout it announces. */
    private static ShmLayout accept(ControlChannel control, Message.Hello hello, Options options) {
        Format expected = options.format();
        if (hello.version() != ShmLayout.VERSION) {
            throw refuse(
                    control,
                    "The " + control.peer() + " speaks protocol version " + hello.version() + ", this shmsrc version "
                            + ShmLayout.VERSION + ": run the same Parallax version on both sides");
        }
        Format announced;
        try {
            announced = FormatText.parse(hello.format());
        } catch (IllegalArgumentException e) {
            throw refuse(
                    control, "The " + control.peer() + " announced a format that cannot be read: " + e.getMessage());
        }
        if (!announced.equals(expected)) {
            throw refuse(
                    control,
                    "The shmsrc on socket " + options.socket() + " expects format " + expected + " but the "
                            + control.peer() + " sends " + announced + ": set the shmsrc's format property to "
                            + announced);
        }
        if (!ShmFiles.isTransportName(hello.shmName())) {
            throw refuse(
                    control,
                    "The " + control.peer() + " named shared memory file '" + hello.shmName()
                            + "', which is not a transport file's name");
        }
        try {
            return ShmLayout.of(hello.slots(), hello.slotSize());
        } catch (IllegalArgumentException e) {
            throw refuse(control, "The " + control.peer() + " announced an impossible layout: " + e.getMessage());
        }
    }

    /** Tells the sender why this side refuses, closes the connection, and returns the failure to throw. */
    private static IpcException refuse(ControlChannel control, String why) {
        try {
            control.send(new Message.Failure(why));
        } catch (IpcException e) {
            // the sender is gone already
        }
        control.close();
        return new IpcException(why);
    }

    /**
     * The next buffer, a view of its slot; {@code null} at the end of the stream, or when the pipeline stopped.
     * Waits while the ring is empty.
     *
     * @throws IpcException if the sender failed, died or broke the protocol, naming it and the socket
     */
    public Buffer receive() throws InterruptedException {
        if (closed) {
            throw new IllegalStateException("The " + name + " is closed");
        }
        while (!sent.next()) {
            long end = control.endOfStream();
            if (end >= 0 && sent.position() >= end) {
                ended = true;
                return null;
            }
            String failure = control.failure();
            if (failure != null && !sent.ready()) {
                throw new IpcException(failure + "; " + sent.position() + " buffers were received");
            }
            if (Thread.interrupted()) {
                throw new InterruptedException(name + " was interrupted waiting for a buffer");
            }
            if (options.stopping().getAsBoolean()) {
                return null;
            }
            backoff.idle();
        }
        backoff.reset();
        int slot = sent.slot();
        long offset = sent.offset();
        long length = sent.length();
        if (slot < 0
                || slot >= layout.slots()
                || offset < 0
                || length < 0
                || offset > layout.slotSize() - length
                || area.handles(slot) != 0) {
            throw violation("sent slot " + slot + " bytes " + offset + " to " + (offset + length) + " of "
                    + layout.slots() + " slots of " + layout.slotSize() + " bytes, or a slot this side still holds");
        }
        Metadata metadata;
        try {
            metadata = new Metadata(
                    sent.sequence(), sent.pts(), sent.duration(), SentRing.flags(sent.flags()), options.format());
        } catch (IllegalArgumentException e) {
            throw violation("sent metadata that is not valid: " + e.getMessage());
        }
        return area.lend(slot, offset, length, metadata);
    }

    private IpcException violation(String what) {
        String why = "The " + control.peer() + " broke the protocol: it " + what;
        try {
            control.send(new Message.Failure(why));
        } catch (IpcException e) {
            // the sender is gone already
        }
        return new IpcException(why);
    }

    /** Whether {@link #receive()} returned null because the stream ended (not because the pipeline stopped). */
    public boolean isEndOfStream() {
        return ended;
    }

    /** The format the sender announced, which is the one asked for. */
    public Format format() {
        return options.format();
    }

    /** How many buffers were received. */
    public long received() {
        return sent.position();
    }

    /** Whether {@code segment} is a view of the shared slots: a received buffer was not copied. */
    public boolean isSharedSlot(MemorySegment segment) {
        return area.contains(segment);
    }

    /** Tells the sender that this side failed, saying why; its next send fails with the text. */
    public void fail(String why) {
        if (control.failure() == null) {
            try {
                control.send(new Message.Failure(why));
            } catch (IpcException e) {
                // the sender is gone already
            }
        }
    }

    private void giveBack(int slot) {
        returned.push(slot);
        Backoff.ring(file, ShmLayout.SENDER_SLEEPING_AT, control);
    }

    /**
     * Says goodbye to the sender and closes the socket; the slots are unmapped once every received buffer is
     * released. Closing twice does nothing.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (control.failure() == null) {
            try {
                control.send(new Message.Bye());
            } catch (IpcException e) {
                // the sender went away meanwhile
            }
        }
        control.close();
        area.close();
    }

    /** Wakes the receiving thread once the receiver exists; the control thread may hear the sender before that. */
    private static final class Waker implements Runnable {
        private volatile Backoff backoff;

        @Override
        public void run() {
            Backoff current = backoff;
            if (current != null) {
                current.wake();
            }
        }
    }
}

package dev.parallax.core.internal.pipeline.ipc;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.buffer.Metadata;
import dev.parallax.core.internal.memory.BufferHandle;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * The sending end of a transport: creates the shared memory file, listens on the control socket for one receiver,
 * and sends buffers through the slots.
 *
 * <pre>{@code
 * try (ShmSender sender = ShmSender.open(new ShmSender.Options(socket, 64, 4096, Format.BYTES, ...))) {
 *     sender.awaitReceiver();
 *     Buffer slot = sender.loan();          // a slot of the shared file: written in place, sent without a copy
 *     slot.segment().set(JAVA_LONG, 0, 42);
 *     sender.send(slot);
 *     sender.send(upstream);                // any other buffer is copied into a slot: the one copy on the way
 *     sender.endOfStream();
 * }
 * }</pre>
 *
 * <p>Copies: a buffer loaned here ({@link #loan()}) and sent as the only handle over its slot goes without a copy;
 * any other buffer is copied once into a free slot. The receiver never copies: it hands out views of the slots.
 *
 * <p>Not for concurrent use: one thread at a time loans and sends (as the runtime calls an element), and {@link
 * #close()} comes after the last send. Loaned buffers may be released unsent on any thread.
 */
public final class ShmSender implements AutoCloseable {
    /**
     * How to open a sender.
     *
     * @param socket the control socket's path, where the receiver connects
     * @param slots the number of slots, 1 to 65536
     * @param slotSize the bytes in a slot: the largest buffer that can be sent
     * @param format the negotiated format of the bytes, sent to the receiver in HELLO
     * @param waitTimeout how long {@link #awaitReceiver()} waits for a receiver, and a receiver for HELLO
     * @param spinNanos how long a wait for a free slot spins before it parks; {@link Long#MAX_VALUE}
     *     busy-polls: never pauses, yields or parks (for a side with a core of its own)
     * @param stopping asked on every turn of a wait: true ends the wait (the pipeline is stopping)
     */
    public record Options(
            Path socket,
            int slots,
            long slotSize,
            Format format,
            Duration waitTimeout,
            long spinNanos,
            BooleanSupplier stopping) {
        /** Checks that nothing is missing. */
        public Options {
            Objects.requireNonNull(socket, "socket");
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(waitTimeout, "waitTimeout");
            Objects.requireNonNull(stopping, "stopping");
        }
    }

    private final Options options;
    private final String name;
    private final ShmLayout layout;
    private final String shmName;
    private final MemorySegment file;
    private final SentRing sent;
    private final ReturnRing returned;
    private final SlotArea area;
    private final Backoff backoff;
    private final ServerSocketChannel server;
    private final CompletableFuture<ControlChannel> connection = new CompletableFuture<>();
    /** Whether the socket file is still this sender's to delete: once deleted, the path may be another's. */
    private final AtomicBoolean socketFile = new AtomicBoolean(true);

    private ControlChannel control;
    private int neverLoaned;
    private boolean ended;
    private volatile boolean closed;

    private ShmSender(Options options, ShmLayout layout, Arena arena) {
        this.options = options;
        this.name = "shmsink '" + options.socket() + "'";
        this.layout = layout;
        this.shmName = ShmFiles.newName();
        this.file = ShmFiles.create(shmName, layout.fileSize(), arena);
        layout.writeHeader(file);
        this.sent = new SentRing(file, layout);
        this.returned = new ReturnRing(file, layout);
        this.backoff = new Backoff(file, ShmLayout.SENDER_SLEEPING_AT, options.spinNanos(), returned::ready);
        this.area = new SlotArea(name, "loan", arena, file, layout, this::giveBack);
        try {
            this.server = SocketFiles.listen(options.socket());
        } catch (RuntimeException e) {
            area.close();
            ShmFiles.delete(shmName);
            throw e;
        }
        Thread acceptor = new Thread(this::accept, "shmsink " + options.socket() + " control");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Creates the shared memory file and listens on the socket; a receiver may connect from now on.
     *
     * @throws IllegalArgumentException if the slots or slot size are out of range
     * @throws IpcException if another sender listens on the socket
     * @throws java.io.UncheckedIOException naming the file or socket that cannot be created
     */
    public static ShmSender open(Options options) {
        ShmLayout layout = ShmLayout.of(options.slots(), options.slotSize());
        Arena arena = Arena.ofShared();
        try {
            return new ShmSender(options, layout, arena);
        } catch (RuntimeException e) {
            if (arena.scope().isAlive()) {
                arena.close();
            }
            throw e;
        }
    }

    private void accept() {
        try {
            SocketChannel channel = server.accept();
            // one receiver only: later ones find no socket and say so
            server.close();
            deleteSocketFile();
            ControlChannel joined = new ControlChannel(channel, "receiver", options.socket(), backoff::wake);
            joined.start("shmsink " + options.socket() + " control");
            joined.send(new Message.Hello(
                    ShmLayout.VERSION,
                    ProcessHandle.current().pid(),
                    shmName,
                    layout.slots(),
                    layout.slotSize(),
                    options.format().toString()));
            Message answer = joined.awaitFirst(options.waitTimeout());
            if (answer instanceof Message.Ready(int version, long pid)) {
                joined.peerPid(pid);
                // the receiver mapped the file: the mappings keep the memory, and nothing is left after a crash
                ShmFiles.delete(shmName);
                connection.complete(joined);
                if (closed) {
                    joined.close(); // closed while the receiver was setting up: close() may not have seen it
                }
            } else {
                joined.close();
                connection.completeExceptionally(new IpcException(
                        answer instanceof Message.Failure
                                ? joined.failure()
                                : "The " + joined.peer() + " answered HELLO with " + answer + " instead of READY"));
            }
        } catch (ClosedChannelException e) {
            connection.completeExceptionally(
                    new IpcException("The " + name + " was closed before a receiver connected"));
        } catch (IOException | RuntimeException | InterruptedException e) {
            connection.completeExceptionally(
                    new IpcException("Setting up the connection of " + name + " failed: " + e.getMessage(), e));
        }
    }

    /**
     * Waits up to the wait timeout for a receiver to connect and map the file; returns at once when it has.
     *
     * @throws IpcException if none came in time, or the one that came refused the set-up, saying why
     */
    public void awaitReceiver() throws InterruptedException {
        if (control != null) {
            return;
        }
        try {
            control = connection.get(options.waitTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new IpcException("No receiver connected to the " + name + " within "
                    + options.waitTimeout().toMillis() + " ms: start a shmsrc with socket-path="
                    + options.socket() + ", or raise wait-timeout");
        } catch (ExecutionException e) {
            throw (IpcException) e.getCause();
        }
    }

    /**
     * Loans a free slot: a buffer of the slot size, written in place and sent without a copy. Waits while every
     * slot is out.
     *
     * @throws IpcException if the receiver failed while waiting, naming it
     * @throws CancellationException if the wait ended because the pipeline is stopping
     */
    public Buffer loan() throws InterruptedException {
        int slot = acquire();
        if (slot < 0) {
            throw new CancellationException(name + " stopped while waiting for a free slot");
        }
        return area.lend(slot, 0, layout.slotSize(), Metadata.EMPTY);
    }

    /**
     * Sends {@code buffer}, whose ownership passes here: without a copy when it was loaned here and is the only
     * handle over its slot, otherwise copied into a free slot and released.
     *
     * @return false, releasing the buffer, if the pipeline stopped while waiting for a free slot
     * @throws IpcException if the receiver is gone or failed, naming it
     * @throws IllegalArgumentException if the buffer is larger than a slot
     */
    public boolean send(Buffer buffer) throws InterruptedException {
        try {
            requireConnected();
        } catch (RuntimeException e) {
            buffer.release();
            throw e;
        }
        Metadata metadata = buffer.metadata();
        int own = area.slotOf(buffer);
        if (own >= 0 && area.handOver((BufferHandle) buffer, own)) {
            publish(own, ((BufferHandle) buffer).offset(), buffer.byteSize(), metadata);
            return true;
        }
        long size = buffer.byteSize();
        int slot;
        try {
            if (size > layout.slotSize()) {
                throw new IllegalArgumentException("A buffer of " + size + " bytes does not fit the slots of "
                        + layout.slotSize() + " bytes of the " + name + ": raise slot-size");
            }
            slot = acquire();
            if (slot >= 0) {
                MemorySegment.copy(buffer.segment(), 0, area.slot(slot), 0, size);
            }
        } finally {
            buffer.release();
        }
        if (slot < 0) {
            return false;
        }
        publish(slot, 0, size, metadata);
        return true;
    }

    /** Tells the receiver that the stream ends with the buffers sent so far. */
    public void endOfStream() throws InterruptedException {
        requireConnected();
        ended = true;
        control.send(new Message.Eos(sent.position()));
    }

    /** Tells the receiver that this side failed, saying why; its receive fails with the text. */
    public void fail(String why) {
        if (control != null && control.failure() == null) {
            try {
                control.send(new Message.Failure(why));
            } catch (IpcException e) {
                // the receiver is gone already
            }
        }
    }

    /** How many buffers were sent. */
    public long sent() {
        return sent.position();
    }

    /** The shared memory file's name in {@code /dev/shm}. */
    public String shmName() {
        return shmName;
    }

    private void publish(int slot, long offset, long length, Metadata metadata) {
        sent.publish(
                slot,
                SentRing.flagBits(metadata.flags()),
                offset,
                length,
                metadata.sequence(),
                metadata.ptsNanos(),
                metadata.durationNanos());
        Backoff.ring(file, ShmLayout.RECEIVER_SLEEPING_AT, control);
    }

    /** A free slot: returned, or never loaned yet; -1 if the pipeline stopped while waiting. */
    private int acquire() throws InterruptedException {
        if (closed) {
            throw new IllegalStateException("The " + name + " is closed");
        }
        int slot = returned.next();
        if (slot < 0 && neverLoaned < layout.slots()) {
            return neverLoaned++;
        }
        while (slot < 0) {
            if (control != null && control.failure() != null) {
                throw new IpcException(control.failure() + "; " + sent.position() + " buffers were sent");
            }
            if (Thread.interrupted()) {
                throw new InterruptedException(name + " was interrupted waiting for a free slot");
            }
            if (options.stopping().getAsBoolean()) {
                return -1;
            }
            backoff.idle();
            slot = returned.next();
        }
        backoff.reset();
        if (slot >= neverLoaned || area.handles(slot) != 0) {
            String why = "The " + (control == null ? "receiver" : control.peer()) + " returned slot " + slot
                    + ", which was not out: it broke the protocol";
            fail(why);
            throw new IpcException(why);
        }
        return slot;
    }

    private void requireConnected() throws InterruptedException {
        if (ended) {
            throw new IllegalStateException("The " + name + " already sent the end of the stream");
        }
        awaitReceiver();
        String failure = control.failure();
        if (failure != null) {
            throw new IpcException(failure + "; " + sent.position() + " buffers were sent");
        }
    }

    /** A loaned slot released unsent goes back through the returned ring, like a slot the receiver released. */
    private void giveBack(int slot) {
        returned.push(slot);
        backoff.wake();
    }

    /**
     * Says goodbye to the receiver, closes the socket, deletes the files and unmaps the slots (once every loaned
     * buffer is released). Closing twice does nothing.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.close(); // ends a wait for a receiver
        } catch (IOException e) {
            // closing: nothing more to do
        }
        ControlChannel joined = control;
        if (joined == null && connection.isDone() && !connection.isCompletedExceptionally()) {
            joined = connection.join();
        }
        if (joined != null) {
            if (joined.failure() == null) {
                try {
                    joined.send(new Message.Bye());
                } catch (IpcException e) {
                    // the receiver went away meanwhile
                }
            }
            joined.close();
        }
        try {
            deleteSocketFile();
        } finally {
            ShmFiles.delete(shmName);
            area.close();
        }
    }

    private void deleteSocketFile() {
        if (socketFile.getAndSet(false)) {
            try {
                Files.deleteIfExists(options.socket().toAbsolutePath());
            } catch (IOException e) {
                // the file is left; the next sender on the path takes it over
            }
        }
    }
}

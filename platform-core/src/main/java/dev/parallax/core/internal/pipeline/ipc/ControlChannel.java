package dev.parallax.core.internal.pipeline.ipc;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One side's end of a transport's control socket, and what it has heard from the peer.
 *
 * <p>A thread of its own reads the socket: the first message completes {@link #awaitFirst}, later ones set the
 * peer's state ({@link #endOfStream()}, {@link #failure()}) and wake the side's waiting thread.
 * When the peer's process dies, the kernel closes its end and this thread reads the end of the stream at once: the
 * side's waits, which look at {@link #failure()} on every turn, fail within their next park (at most a millisecond)
 * instead of hanging.
 */
final class ControlChannel implements AutoCloseable {
    private final SocketChannel channel;
    private final String peerRole;
    private final Path socket;
    private final CompletableFuture<Message> first = new CompletableFuture<>();
    private volatile long peerPid = -1;
    private volatile long endOfStream = -1;
    private volatile boolean bye;
    private final Runnable wake;
    private volatile String failure;
    private volatile boolean closed;

    /**
     * @param channel a connected socket
     * @param peerRole what the peer is, for messages: {@code sender} or {@code receiver}
     * @param socket the socket's path, for messages
     * @param wake unparks the side's waiting thread: on {@link Message.Wake} and on every change of the peer's state
     */
    ControlChannel(SocketChannel channel, String peerRole, Path socket, Runnable wake) {
        this.channel = channel;
        this.peerRole = peerRole;
        this.socket = socket;
        this.wake = wake;
    }

    /** Starts reading the socket on a daemon thread called {@code name}. */
    void start(String name) {
        Thread reader = new Thread(this::read, name);
        reader.setDaemon(true);
        reader.start();
    }

    /** The peer as messages name it: {@code receiver (pid 4242) on socket /tmp/parallax.sock}. */
    String peer() {
        long pid = peerPid;
        return peerRole + (pid >= 0 ? " (pid " + pid + ")" : "") + " on socket " + socket;
    }

    void peerPid(long pid) {
        this.peerPid = pid;
    }

    /**
     * Waits for the peer's first message.
     *
     * @throws IpcException if none came within {@code timeout}, or the connection ended first
     */
    Message awaitFirst(Duration timeout) throws InterruptedException {
        try {
            return first.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new IpcException("The " + peer() + " said nothing within " + timeout.toMillis()
                    + " ms of connecting: is it a Parallax " + (peerRole.equals("sender") ? "shmsink" : "shmsrc")
                    + "?");
        } catch (ExecutionException e) {
            throw new IpcException(e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * Sends {@code message}.
     *
     * @throws IpcException naming the peer if the socket is closed or broken
     */
    void send(Message message) {
        ByteBuffer frame = message.encode();
        try {
            synchronized (channel) {
                while (frame.hasRemaining()) {
                    channel.write(frame);
                }
            }
        } catch (IOException e) {
            throw new IpcException(
                    "Cannot send " + message.getClass().getSimpleName().toUpperCase() + " to the " + peer() + ": "
                            + (failure != null ? failure : e.toString()),
                    e);
        }
    }

    /** Asks the peer to wake up; a broken socket is ignored here, the waits report it. */
    void ring() {
        try {
            send(new Message.Wake());
        } catch (IpcException e) {
            // the peer is gone or the side closed: nobody to wake
        }
    }

    /** How many buffers the sender said it sent in all, or -1 before its EOS. */
    long endOfStream() {
        return endOfStream;
    }

    /** Why the peer is gone or failed, or null while it is fine. */
    String failure() {
        return failure;
    }

    /** Marks the peer failed, unless it already is. */
    void fail(String why) {
        if (failure == null) {
            failure = why;
        }
        wake.run();
    }

    private void read() {
        ByteBuffer length = ByteBuffer.allocate(Integer.BYTES);
        byte[] body;
        while (true) {
            try {
                length.clear();
                readFully(length);
                int size = length.getInt(0);
                if (size < 1 || size > Message.MAX_FRAME) {
                    ended("The " + peer() + " sent a frame of " + size + " bytes, outside 1 to " + Message.MAX_FRAME
                            + ": it does not speak this protocol");
                    return;
                }
                ByteBuffer frame = ByteBuffer.allocate(size);
                readFully(frame);
                body = frame.array();
            } catch (EOFException e) {
                ended(
                        bye
                                ? "The " + peer() + " closed the connection"
                                        + (awaitsEnd() ? " before the end of the stream" : "")
                                : gone(""));
                return;
            } catch (IOException e) {
                ended(
                        closed
                                ? "The connection to the " + peer() + " was closed by this side"
                                : gone(" (" + e.getMessage() + ")"));
                return;
            }
            try {
                receive(Message.decode(body));
            } catch (IOException e) {
                ended("The " + peer() + " sent something that is not a message of this protocol: " + e.getMessage());
                return;
            }
        }
    }

    private boolean awaitsEnd() {
        return peerRole.equals("sender") && endOfStream < 0;
    }

    /** The peer's end closed without a goodbye, or reset: its process died (the kernel closes its sockets). */
    private String gone(String detail) {
        return "The " + peer() + " went away without closing the connection: its process died or was killed" + detail;
    }

    private void receive(Message message) {
        if (message instanceof Message.Failure(String text)) {
            fail("The " + peer() + " reported an error: " + text);
        }
        if (!first.isDone()) {
            first.complete(message);
            return;
        }
        switch (message) {
            case Message.Eos eos -> endOfStream = eos.buffers();
            case Message.Bye b -> bye = true;
            case Message.Wake w -> {} // the wake below is all
            default -> fail("The " + peer() + " sent " + message + " out of turn");
        }
        wake.run();
    }

    private void ended(String why) {
        fail(why);
        first.completeExceptionally(new IpcException(why));
    }

    private void readFully(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException();
            }
        }
    }

    /** Closes the socket; the reader thread ends. */
    @Override
    public void close() {
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            // closing: nothing more to do
        }
    }
}

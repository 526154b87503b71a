package dev.parallax.core.internal.pipeline.ipc;

import java.io.Serial;

/**
 * A transport failed: the peer died, closed the connection, reported an error or broke the protocol, or never came.
 * The message names the peer (its role, and its process id once known) and the socket.
 */
public final class IpcException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** A failure saying what happened. */
    public IpcException(String message) {
        super(message);
    }

    /** A failure saying what happened, caused by {@code cause}. */
    public IpcException(String message, Throwable cause) {
        super(message, cause);
    }
}

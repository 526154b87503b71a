package dev.parallax.core.internal.pipeline.ipc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * The control socket's file: bound by the sender, taken over when a crashed sender left it behind.
 *
 * <p>Whether a socket file is in use is read from {@code /proc/net/unix}, which lists the bound sockets with their
 * paths and marks the listening ones: connecting to find out would be taken by a live sender as its receiver.
 */
final class SocketFiles {
    /** The socket type's mode bits ({@code S_IFSOCK}). */
    private static final int SOCKET_TYPE = 0140000;

    /** {@code __SO_ACCEPTCON} in {@code /proc/net/unix}'s flags column: the socket listens. */
    private static final int LISTENING = 0x10000;

    private SocketFiles() {}

    /**
     * Binds a listening socket at {@code path} (made absolute), deleting a socket file there that nobody listens on
     * any more.
     *
     * @throws IpcException if another sender listens at the path, or the path is not a socket file
     * @throws UncheckedIOException naming the path if it cannot be bound
     */
    static ServerSocketChannel listen(Path path) {
        Path socket = path.toAbsolutePath();
        try {
            if (Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
                int mode = (Integer) Files.getAttribute(socket, "unix:mode", LinkOption.NOFOLLOW_LINKS);
                if ((mode & 0170000) != SOCKET_TYPE) {
                    throw new IpcException("Socket path " + socket + " exists and is not a socket: choose another"
                            + " socket-path, or delete the file");
                }
                if (isListening(socket)) {
                    throw new IpcException("Socket " + socket + " is in use: another shmsink listens on it; choose"
                            + " another socket-path");
                }
                Files.deleteIfExists(socket); // left behind by a sender that died
            }
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                server.bind(UnixDomainSocketAddress.of(socket), 1);
            } catch (IOException e) {
                server.close();
                throw e;
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on socket " + socket + ": " + e.getMessage(), e);
        }
    }

    /** Whether a listening socket is bound to {@code socket}, by {@code /proc/net/unix}. */
    static boolean isListening(Path socket) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc/net/unix"));
        String wanted = socket.toString();
        for (String line : lines.subList(1, lines.size())) {
            // Num RefCount Protocol Flags Type St Inode Path
            String[] fields = line.strip().split("\\s+");
            if (fields.length >= 8
                    && line.endsWith(" " + wanted)
                    && (Integer.parseInt(fields[3], 16) & LISTENING) != 0) {
                return true;
            }
        }
        return false;
    }
}

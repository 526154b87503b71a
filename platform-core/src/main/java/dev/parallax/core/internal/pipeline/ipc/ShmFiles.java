package dev.parallax.core.internal.pipeline.ipc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.channels.FileChannel.MapMode;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The transports' files in {@code /dev/shm}: named {@code parallax-ipc-<pid>-<n>-<time>} after the process that
 * created them, so that a file whose process is dead can be told apart and deleted.
 *
 * <p>A file lives from the sender's start to the moment its receiver has mapped it (the mapping keeps the memory,
 * so the sender deletes the file then), or to the sender's close if no receiver came. Files of this process still
 * there at a normal exit are deleted by a shutdown hook; files left by a process that crashed are deleted by the
 * next sender that creates a file and finds their process gone.
 */
final class ShmFiles {
    /** Where the files live: a tmpfs that other processes can map. */
    static final Path DIRECTORY = Path.of("/dev/shm");

    private static final String PREFIX = "parallax-ipc-";
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-\\d+-[0-9a-f]+");
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ShmFiles::deleteLive, "parallax-ipc shm cleanup"));
    }

    private ShmFiles() {}

    /** A name no other file has: this process's id, a counter and the time. */
    static String newName() {
        return PREFIX + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet() + "-"
                + Long.toHexString(System.nanoTime());
    }

    /** Whether {@code name} is a transport file's name; a receiver maps nothing else. */
    static boolean isTransportName(String name) {
        return NAME.matcher(name).matches();
    }

    /**
     * Creates {@code name}, readable and writable by this user only, of {@code size} bytes, and maps it into {@code
     * arena}; first deletes the files of dead processes.
     *
     * @throws UncheckedIOException naming the file if it cannot be created or mapped
     */
    static MemorySegment create(String name, long size, Arena arena) {
        deleteStale();
        Path file = DIRECTORY.resolve(name);
        try (FileChannel channel = FileChannel.open(
                file,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            LIVE.add(file);
            // the mapping outlives the channel; the arena undoes it
            return channel.map(MapMode.READ_WRITE, 0, size, arena);
        } catch (IOException e) {
            delete(name);
            throw new UncheckedIOException("Cannot create shared memory file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Maps the existing file {@code name}, which must be {@code size} bytes long, into {@code arena}.
     *
     * @throws UncheckedIOException naming the file if it is missing, of another size, or cannot be mapped
     */
    static MemorySegment open(String name, long size, Arena arena) {
        Path file = DIRECTORY.resolve(name);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long actual = channel.size();
            if (actual != size) {
                throw new IOException("the file has " + actual + " bytes, the sender announced " + size);
            }
            return channel.map(MapMode.READ_WRITE, 0, size, arena);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot map shared memory file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Deletes {@code name} if it is there. */
    static void delete(String name) {
        Path file = DIRECTORY.resolve(name);
        LIVE.remove(file);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete shared memory file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Deletes every transport file whose creating process is no longer running, and returns how many. A file of a
     * live process, or of a process id now reused by another program, stays.
     */
    static int deleteStale() {
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(DIRECTORY, PREFIX + "*")) {
            for (Path file : files) {
                Matcher matcher = NAME.matcher(file.getFileName().toString());
                // deleteIfExists: another process may have cleaned it up first
                if (matcher.matches() && !isAlive(matcher.group(1)) && Files.deleteIfExists(file)) {
                    deleted++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean up stale files in " + DIRECTORY + ": " + e.getMessage(), e);
        }
        return deleted;
    }

    private static boolean isAlive(String pid) {
        try {
            Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(pid));
            return process.map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true; // not a pid we can read: leave the file alone
        }
    }

    private static void deleteLive() {
        for (Path file : LIVE) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // exiting: nothing more to do; the next sender deletes it as stale
            }
        }
    }
}

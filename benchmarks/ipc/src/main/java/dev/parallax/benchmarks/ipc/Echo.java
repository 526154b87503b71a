package dev.parallax.benchmarks.ipc;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The anchor's other process: maps the file given as the first argument and echoes every number written to its
 * ping line into its pong line, polling tightly as the transport's waits first do, until the number is -1. Nothing but two cache lines crossing between
 * the processes: the floor under any transport's round trip on this machine.
 */
public final class Echo {
    static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();
    static final long PING = 0;
    static final long PONG = 128;

    private Echo() {}

    public static void main(String[] args) throws IOException {
        try (Arena arena = Arena.ofShared();
                FileChannel channel =
                        FileChannel.open(Path.of(args[0]), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            MemorySegment lines = channel.map(FileChannel.MapMode.READ_WRITE, 0, 256, arena);
            long last = 0;
            while (true) {
                long ping = (long) LONG.getAcquire(lines, PING);
                if (ping == -1) {
                    return;
                }
                if (ping != last) {
                    last = ping;
                    LONG.setRelease(lines, PONG, ping);
                }
            }
        }
    }
}

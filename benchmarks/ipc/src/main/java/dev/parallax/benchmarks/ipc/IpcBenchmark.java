package dev.parallax.benchmarks.ipc;

import dev.parallax.api.buffer.Buffer;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The transport between two real processes: this JMH fork sends, a child JVM ({@link Receiver}) receives, reads the
 * first 8 bytes of each buffer and releases it. Each benchmark loans a 4 KiB slot, writes its sequence number into
 * it and sends it without a copy, as an element that produces into the shared slots would.
 */
// C2 compiles both loops within a second; three rounds let them and the receiving process settle
@Warmup(iterations = 3, time = 1)
// five one-second rounds: enough for a median on a noisy shared machine
@Measurement(iterations = 5, time = 1)
// one fork: it starts the receiving process itself
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g"})
public class IpcBenchmark {
    private static final long SLOT_SIZE = 4096;

    /** A transport to a receiving process, opened once per trial. */
    public abstract static class Transport {
        Link link;
        long sequence;

        /** The link this state measures. */
        abstract Link open() throws IOException, InterruptedException;

        @Setup(Level.Trial)
        public void setUp() throws IOException, InterruptedException {
            link = open();
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException, InterruptedException {
            link.close();
        }

        /** Loans a slot, writes the next sequence number into it (the receiver checks it) and sends it. */
        void sendNext() throws InterruptedException {
            Buffer slot = link.sender.loan();
            slot.segment().set(ValueLayout.JAVA_LONG, 0, sequence++);
            link.sender.send(slot);
        }
    }

    /** 64 slots (the shmsink default): the sender runs ahead of the receiver by up to 64 buffers. */
    @State(Scope.Benchmark)
    public static class Stream extends Transport {
        @Override
        Link open() throws IOException, InterruptedException {
            return new Link(64, SLOT_SIZE, Link.DEFAULT_SPIN);
        }
    }

    /** One slot: each send waits until the receiver released the previous buffer, a full round trip. */
    @State(Scope.Benchmark)
    public static class PingPong extends Transport {
        @Override
        Link open() throws IOException, InterruptedException {
            return new Link(1, SLOT_SIZE, Link.DEFAULT_SPIN);
        }
    }

    /** The same with both sides busy-polling, as a process with cores of its own can afford. */
    @State(Scope.Benchmark)
    public static class BusyPingPong extends Transport {
        @Override
        Link open() throws IOException, InterruptedException {
            return new Link(1, SLOT_SIZE, Link.BUSY_POLL);
        }
    }

    /** The anchor: two cache lines ping-ponged with a child process ({@link Echo}) that spins on them. */
    @State(Scope.Benchmark)
    public static class Lines {
        Path file;
        MemorySegment lines;
        Arena arena;
        Process echo;
        long sequence;

        @Setup(Level.Trial)
        public void open() throws IOException {
            file = Path.of(
                    "/dev/shm", "parallax-bench-echo-" + ProcessHandle.current().pid());
            arena = Arena.ofShared();
            try (FileChannel channel = FileChannel.open(
                    file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                lines = channel.map(FileChannel.MapMode.READ_WRITE, 0, 256, arena);
            }
            echo = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            Echo.class.getName(),
                            file.toString())
                    .inheritIO()
                    .start();
        }

        @TearDown(Level.Trial)
        public void close() throws IOException, InterruptedException {
            Echo.LONG.setRelease(lines, Echo.PING, -1L);
            boolean ended = echo.waitFor(30, TimeUnit.SECONDS);
            echo.destroyForcibly();
            arena.close();
            Files.deleteIfExists(file);
            if (!ended) {
                throw new IllegalStateException("The echo process did not end");
            }
        }
    }

    /** {@link #roundTrip} with both sides busy-polling ({@code busy-poll=true}). */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    // round trips take around a microsecond
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void roundTripBusy(BusyPingPong pingPong) throws InterruptedException {
        pingPong.sendNext();
    }

    /**
     * The floor under {@link #roundTrip} on this machine: write a number to a shared line, spin until the other
     * process wrote it back to another. No rings, no buffers, no metadata.
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    // round trips take around a microsecond
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public long roundTripLinesOnly(Lines lines) {
        long ping = ++lines.sequence;
        Echo.LONG.setRelease(lines.lines, Echo.PING, ping);
        while ((long) Echo.LONG.getAcquire(lines.lines, Echo.PONG) != ping) {
            // poll tightly, as the transport's waits do first
        }
        return ping;
    }

    /** Buffers per second: loan a slot, write the sequence number, send (the goal: at least a million). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    // buffers per second, the unit of the goal
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void throughput4k(Stream stream) throws InterruptedException {
        stream.sendNext();
    }

    /** The same, writing all 4 KiB of each slot first: what producing a real buffer in place adds. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    // buffers per second, the unit of the goal
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void throughput4kFilled(Stream stream) throws InterruptedException {
        Buffer slot = stream.link.sender.loan();
        MemorySegment bytes = slot.segment();
        bytes.fill((byte) stream.sequence);
        bytes.set(ValueLayout.JAVA_LONG, 0, stream.sequence++);
        stream.link.sender.send(slot);
    }

    /**
     * A round trip: the loan waits until the receiving process took the previous buffer and released it, then the
     * next one is written and sent. JMH times each call, so the percentiles are those of the round trip (plus one
     * send, tens of nanoseconds).
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    // round trips take around a microsecond
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void roundTrip(PingPong pingPong) throws InterruptedException {
        pingPong.sendNext();
    }
}

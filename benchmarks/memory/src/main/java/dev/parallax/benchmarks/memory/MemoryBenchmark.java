package dev.parallax.benchmarks.memory;

import dev.parallax.api.buffer.Allocator;
import dev.parallax.api.buffer.Backing;
import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.MemoryPool;
import dev.parallax.api.buffer.MemoryService;
import dev.parallax.api.buffer.PoolConfig;
import dev.parallax.core.internal.memory.MemoryServiceImpl;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What a buffer costs: a pool loan and return (one and two threads on one pool), a slice and its release, and the
 * alternatives the design turned down, measured side by side: a confined arena allocated and closed per buffer (the
 * anchor), a shared arena per loan (what making escaped segments fail would cost), and an allocator buffer.
 */
// time per buffer: the figure the 50 ns goal is written in
@BenchmarkMode(Mode.AverageTime)
// loans take tens of nanoseconds; shared arena closes take microseconds
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// one pool for all threads, as in a pipeline where producer and consumer share it
@State(Scope.Benchmark)
// C2 compiles the loan path within a second; three rounds let it settle
@Warmup(iterations = 3, time = 1)
// five one-second rounds: enough for a median on a noisy shared machine
@Measurement(iterations = 5, time = 1)
// reinterpret() in the shared-arena alternative is a restricted method
@Fork(
        value = 1,
        jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx1g"})
public class MemoryBenchmark {
    // a small header, a page, and an awkward megabyte-ish frame: loan cost should not depend on it, arenas' does
    @Param({"100", "4096", "1000000"})
    public long size;

    private MemoryPool pool;
    private Allocator allocator;
    private Buffer parent;
    private MemorySegment slot;

    @Setup
    public void setUp() throws InterruptedException {
        MemoryService service = MemoryServiceImpl.withDefaults();
        // 64 slots: two threads never exhaust it, so the figure is the loan path, not a wait
        pool = service.createPool(PoolConfig.of("bench", 64, size).failWhenExhausted());
        allocator = service.allocator(Backing.NATIVE);
        parent = pool.loan();
        slot = parent.segment();
        checkOnce();
    }

    @TearDown
    public void tearDown() {
        parent.release();
        pool.close();
    }

    /** So that no figure measures a bug: a loan is a slot of the right size, a slice points into its parent. */
    private void checkOnce() throws InterruptedException {
        try (Buffer buffer = pool.loan();
                Buffer slice = buffer.slice(size / 2, size / 4)) {
            require(buffer.byteSize() == size, "loan has " + buffer.byteSize() + " bytes, not " + size);
            require(
                    slice.segment().address() == buffer.segment().address() + size / 2,
                    "slice does not point into its parent");
        }
        require(pool.stats().inUse() == 1, "loan or slice did not return its slot: " + pool.stats());
    }

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalStateException(problem);
        }
    }

    /** Loan a slot and return it, touching its segment as a producer would. */
    @Benchmark
    public void loanReturn(Blackhole sink) throws InterruptedException {
        try (Buffer buffer = pool.loan()) {
            sink.consume(buffer.segment());
        }
    }

    /** The same, two threads on the one pool: the free list's head is contended. */
    @Benchmark
    @Threads(2)
    public void loanReturn2Threads(Blackhole sink) throws InterruptedException {
        try (Buffer buffer = pool.loan()) {
            sink.consume(buffer.segment());
        }
    }

    /**
     * Two threads, each on a pool of its own: what two threads cost on this machine without sharing a free list,
     * the baseline that tells the contention in {@link #loanReturn2Threads} from two threads sharing the cores.
     */
    @Benchmark
    @Threads(2)
    public void loanReturn2ThreadsOwnPools(OwnPool own, Blackhole sink) throws InterruptedException {
        try (Buffer buffer = own.pool.loan()) {
            sink.consume(buffer.segment());
        }
    }

    /** A pool per benchmark thread. */
    @State(Scope.Thread)
    public static class OwnPool {
        MemoryPool pool;

        @Setup
        public void setUp(MemoryBenchmark benchmark) {
            pool = MemoryServiceImpl.withDefaults()
                    .createPool(PoolConfig.of("own", 64, benchmark.size).failWhenExhausted());
        }

        @TearDown
        public void tearDown() {
            pool.close();
        }
    }

    /** Slice a loaned buffer and release the slice: one handle, one count up and down, no copy. */
    @Benchmark
    public void slice(Blackhole sink) {
        try (Buffer slice = parent.slice(size / 4, size / 2)) {
            sink.consume(slice.segment());
        }
    }

    /** The anchor: native memory of the same size from a confined arena, allocated (and zeroed) and freed. */
    @Benchmark
    public void arenaConfined(Blackhole sink) {
        try (Arena arena = Arena.ofConfined()) {
            sink.consume(arena.allocate(size, 64));
        }
    }

    /** The design turned down: each loan's view in a shared arena of its own, closed at return. */
    @Benchmark
    public void sharedArenaPerLoan(Blackhole sink) {
        try (Arena arena = Arena.ofShared()) {
            sink.consume(slot.reinterpret(arena, null));
        }
    }

    /** An allocator buffer: its own shared arena, allocated, zeroed and closed. */
    @Benchmark
    public void allocatorNative(Blackhole sink) {
        try (Buffer buffer = allocator.allocate(size)) {
            sink.consume(buffer.segment());
        }
    }
}

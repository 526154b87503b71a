package dev.parallax.core.internal.pipeline.run;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.buffer.MemoryPool;
import dev.parallax.api.buffer.PoolConfig;
import dev.parallax.api.pipeline.Element;
import dev.parallax.api.pipeline.Output;
import dev.parallax.api.pipeline.PipelineState;
import dev.parallax.api.pipeline.Source;
import java.util.List;

/**
 * Not a test: a quick measurement of the executor's cost per buffer, to compare with {@code gst-launch-1.0
 * fakesrc num-buffers=N ! fakesink} and friends. Run from the module folder after {@code test-compile}:
 *
 * <pre>{@code
 * java -cp target/classes:target/test-classes:../plugin-api/target/classes:$HOME/.m2/repository/org/osgi/osgi.core/8.0.0/osgi.core-8.0.0.jar \
 *     dev.parallax.core.internal.pipeline.run.ThroughputCheck 10000000
 * }</pre>
 *
 * <p>Each buffer is a loan of a 4 KiB slot of a native pool, pushed by a source, passed on and released by a sink.
 * The GStreamer figures to hold them against come from {@code gst-launch-1.0 -q fakesrc num-buffers=N ! fakesink},
 * {@code ... ! identity ! fakesink} and {@code ... ! queue ! fakesink}, timed whole, on the same machine at the
 * same time: both are sensitive to what else the machine runs.
 */
public final class ThroughputCheck {
    private ThroughputCheck() {}

    /** Loans, pushes, and ends after {@code count} buffers. */
    private static final class PoolSource implements Source {
        private final MemoryPool pool;
        private final long count;
        private long made;

        PoolSource(MemoryPool pool, long count) {
            this.pool = pool;
            this.count = count;
        }

        @Override
        public List<Format> negotiate(List<Format> inputs, int outputs) {
            return List.of(Format.BYTES);
        }

        @Override
        public boolean produce(Output output) throws InterruptedException {
            if (made++ >= count) {
                return false;
            }
            output.push(pool.loan());
            return true;
        }
    }

    private static final class Identity implements Element {
        @Override
        public List<Format> negotiate(List<Format> inputs, int outputs) {
            return inputs;
        }

        @Override
        public void process(int input, Buffer buffer, Output output) {
            output.push(buffer);
        }
    }

    private static final class FakeSink implements Element {
        @Override
        public List<Format> negotiate(List<Format> inputs, int outputs) {
            return List.of();
        }

        @Override
        public void process(int input, Buffer buffer, Output output) {
            buffer.release();
        }
    }

    public static void main(String[] args) throws Exception {
        long count = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (PipelineRunner runner = Runs.runner();
                MemoryPool pool = Runs.memory().createPool(PoolConfig.of("throughput", 256, 4096))) {
            for (int round = 0; round < rounds; round++) {
                for (String shape : List.of("src!sink", "src!identity!sink", "src!queue!sink")) {
                    PlanBuilder plan = new PlanBuilder(shape.replace('!', '-'));
                    int src = plan.add(
                            "src", TestElements.factory("src", "1.0.0", true, p -> new PoolSource(pool, count)));
                    int last = src;
                    if (shape.contains("identity")) {
                        int identity = plan.add(
                                "identity", TestElements.factory("identity", "1.0.0", true, p -> new Identity()));
                        plan.link(last, identity);
                        last = identity;
                    }
                    if (shape.contains("queue")) {
                        int queue = plan.add("queue", TestElements.queue(64));
                        plan.link(last, queue);
                        last = queue;
                    }
                    int sink = plan.add("sink", TestElements.factory("sink", "1.0.0", true, p -> new FakeSink()));
                    plan.link(last, sink);
                    RunningPipeline pipeline = runner.create(plan.build());
                    long begin = System.nanoTime();
                    pipeline.start();
                    PipelineState state = pipeline.await(java.time.Duration.ofMinutes(10));
                    long nanos = System.nanoTime() - begin;
                    System.out.printf(
                            "%-20s %s %6.1f ns/buffer (%d buffers, %d ms)%n",
                            shape, state, (double) nanos / count, count, nanos / 1_000_000);
                    pipeline.close();
                }
            }
        }
    }
}

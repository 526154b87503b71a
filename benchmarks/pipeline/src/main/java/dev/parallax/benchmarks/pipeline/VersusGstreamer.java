package dev.parallax.benchmarks.pipeline;

import dev.parallax.api.pipeline.Pipeline;
import dev.parallax.api.pipeline.PipelineState;
import dev.parallax.core.internal.memory.MemoryServiceImpl;
import dev.parallax.core.internal.pipeline.PipelinesImpl;
import dev.parallax.core.internal.pipeline.StaticCatalog;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The pipeline engine's costs per buffer side by side with GStreamer 1.22 in one run: source to sink in one thread,
 * each extra pass-through element, and each thread hop, with the same buffer counts and sizes.
 *
 * <p>Each figure is a slope: the time of a run of {@code n} buffers minus that of {@code n/10}, divided by the
 * difference, so that start-up (a gst-launch process, a pipeline's set-up) cancels out. GStreamer runs as
 * {@code gst-launch-1.0 -q} processes; Parallax runs in this JVM after a warm-up, as a long-running platform does.
 * Rounds alternate the two; the medians are reported.
 *
 * <p>Usage: {@code java -cp ... VersusGstreamer [rounds] [buffers]}.
 */
public final class VersusGstreamer {
    /** How many pass-through elements the identity case chains, so that one element's cost stands out of noise. */
    private static final int IDENTITIES = 5;

    private static final int SIZE = 4096;

    private VersusGstreamer() {}

    /** One case: the text of both pipelines, with {@code %d} for the buffer count. */
    private record Case(String name, String ours, String gst) {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int buffers = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        String ids = " ! identity".repeat(IDENTITIES);
        String src = "testsrc num-buffers=%d size=" + SIZE;
        String fake = "fakesrc num-buffers=%d sizetype=fixed sizemax=" + SIZE;
        List<Case> cases = List.of(
                new Case("source ! sink", src + " ! fakesink", fake + " ! fakesink"),
                new Case("+" + IDENTITIES + " identity", src + ids + " ! fakesink", fake + ids + " ! fakesink"),
                new Case("+queue", src + " ! queue ! fakesink", fake + " ! queue ! fakesink"));
        PipelinesImpl pipelines = new PipelinesImpl(StaticCatalog.core(), memory());
        System.out.printf(
                Locale.ROOT,
                "%d rounds, %,d and %,d buffers of %d bytes; %s%n",
                rounds,
                buffers,
                buffers / 10,
                SIZE,
                gstVersion());
        for (int warm = 0; warm < 3; warm++) {
            for (Case c : cases) {
                ours(pipelines, c.ours, buffers);
            }
        }
        double[][] ourSlopes = new double[cases.size()][rounds];
        double[][] gstSlopes = new double[cases.size()][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                gstSlopes[i][round] = slope(gst(c.gst, buffers), gst(c.gst, buffers / 10), buffers);
                ourSlopes[i][round] =
                        slope(ours(pipelines, c.ours, buffers), ours(pipelines, c.ours, buffers / 10), buffers);
            }
            System.out.printf(
                    Locale.ROOT,
                    "round %d: ns/buffer ours %s, gst %s%n",
                    round + 1,
                    Arrays.toString(column(ourSlopes, round)),
                    Arrays.toString(column(gstSlopes, round)));
        }
        double ourBase = median(ourSlopes[0]);
        double gstBase = median(gstSlopes[0]);
        double ourIdentity = (median(ourSlopes[1]) - ourBase) / IDENTITIES;
        double gstIdentity = (median(gstSlopes[1]) - gstBase) / IDENTITIES;
        double ourQueue = median(ourSlopes[2]) - ourBase;
        double gstQueue = median(gstSlopes[2]) - gstBase;
        System.out.println();
        System.out.println("| cost (median of " + rounds + " rounds) | Parallax ns | GStreamer ns | ratio | goal |");
        System.out.println("|---|---:|---:|---:|---:|");
        row("per buffer, source to sink, one thread", ourBase, gstBase, 0.65);
        row("each extra pass-through element (identity)", ourIdentity, gstIdentity, 0.5);
        row("each thread hop (queue)", ourQueue, gstQueue, 0.3);
        pipelines.deactivate();
    }

    private static void row(String what, double ours, double gst, double goal) {
        double ratio = ours / gst;
        System.out.printf(
                Locale.ROOT,
                "| %s | %.0f | %.0f | %.2f | <= %.2f %s |%n",
                what,
                ours,
                gst,
                ratio,
                goal,
                ratio <= goal ? "met" : "NOT met");
    }

    private static double slope(long nanosLong, long nanosShort, int buffers) {
        return (nanosLong - nanosShort) / (buffers - buffers / 10.0);
    }

    private static long ours(PipelinesImpl pipelines, String text, int buffers) throws InterruptedException {
        try (Pipeline pipeline = pipelines.parse(text.formatted(buffers))) {
            long start = System.nanoTime();
            pipeline.start();
            PipelineState state = pipeline.await(Duration.ofMinutes(5));
            long nanos = System.nanoTime() - start;
            if (state != PipelineState.FINISHED) {
                throw new IllegalStateException(text + " ended " + state);
            }
            return nanos;
        }
    }

    private static long gst(String text, int buffers) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("gst-launch-1.0", "-q"));
        command.addAll(Arrays.asList(text.formatted(buffers).split(" ")));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        int status = process.waitFor();
        long nanos = System.nanoTime() - start;
        if (status != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + status);
        }
        return nanos;
    }

    private static String gstVersion() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("gst-launch-1.0", "--version")
                .redirectErrorStream(true)
                .start();
        String text = new String(process.getInputStream().readAllBytes())
                .lines()
                .findFirst()
                .orElse("gst-launch-1.0");
        process.waitFor();
        return text;
    }

    private static double[] column(double[][] table, int round) {
        double[] values = new double[table.length];
        for (int i = 0; i < table.length; i++) {
            values[i] = Math.round(table[i][round]);
        }
        return values;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static MemoryServiceImpl memory() {
        return MemoryServiceImpl.withDefaults();
    }
}

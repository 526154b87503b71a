package dev.parallax.benchmarks.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Start-up to all services ready, for Parallax and for bare Felix + SCR + ConfigAdmin, alternating runs so that
 * both see the same machine: the clock runs from starting the JVM to the platform's ready line (Parallax's
 * {@code version} line, printed once the registry, the conf folder and the deploy folder are up; the bare
 * platform's probe line, printed when bnd's launcher calls its main callable after every bundle has started).
 * Shutdown is not counted. Beside the time, the CPU time the process has used by then (all its threads: JIT and GC
 * included), which a busy machine disturbs less than the clock; and the load average before and after, to say how
 * busy the machine was.
 *
 * <p>A shared machine moves the ratio of one series of runs by several percent either way, so the runs come in
 * rounds: each round's ratio of medians is printed, and the figure is the median of the rounds' ratios.
 *
 * <pre>{@code
 * java -cp benchmarks/launcher/target/classes dev.parallax.benchmarks.launcher.StartupLatency <repository> <runs> [rounds]
 * }</pre>
 */
public final class StartupLatency {
    private StartupLatency() {}

    public static void main(String[] arguments) throws Exception {
        Path repository = Path.of(arguments[0]).toAbsolutePath();
        int runs = Integer.parseInt(arguments[1]);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path home = Files.createTempDirectory("parallax-startup");
        DeployLatency.copyTree(repository.resolve("conf"), home.resolve("conf"));
        Files.createDirectories(home.resolve("deploy"));

        List<String> parallax = new ArrayList<>(List.of(java));
        parallax.addAll(DeployLatency.JVM_FLAGS);
        parallax.addAll(List.of(
                "-Dparallax.home=" + home,
                "-Djava.util.logging.config.file=" + home.resolve("conf/logging-commands.properties"),
                "-jar",
                repository.resolve("launcher/target/parallax.jar").toString(),
                "version"));
        List<String> bare = new ArrayList<>(List.of(java));
        bare.addAll(DeployLatency.JVM_FLAGS);
        bare.addAll(List.of(
                "-jar",
                repository.resolve("benchmarks/launcher/target/bare.jar").toString()));

        int rounds = arguments.length > 2 ? Integer.parseInt(arguments[2]) : 1;
        String loadBefore = loadAverage();
        double[] cpu = new double[1];
        for (int warmup = 0; warmup < 3; warmup++) {
            time(parallax, "Parallax ", cpu);
            time(bare, "probe ready", cpu);
        }
        double[] ours = new double[runs * rounds];
        double[] anchor = new double[runs * rounds];
        double[] oursCpu = new double[runs * rounds];
        double[] anchorCpu = new double[runs * rounds];
        double[] ratios = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            for (int run = round * runs; run < (round + 1) * runs; run++) {
                ours[run] = time(parallax, "Parallax ", cpu);
                oursCpu[run] = cpu[0];
                anchor[run] = time(bare, "probe ready", cpu);
                anchorCpu[run] = cpu[0];
            }
            int from = round * runs;
            int to = from + runs;
            ratios[round] = DeployLatency.percentile(Arrays.copyOfRange(ours, from, to), 50)
                    / DeployLatency.percentile(Arrays.copyOfRange(anchor, from, to), 50);
            System.out.printf(
                    Locale.ROOT, "round %d of %d: Parallax p50 / bare p50 = %.3f%n", round + 1, rounds, ratios[round]);
        }
        System.out.println("| start-up to ready | p50 ms | min ms | max ms | CPU p50 ms |");
        System.out.println("|---|---:|---:|---:|---:|");
        row("Parallax (./parallax version)", ours, oursCpu);
        row("bare Felix + SCR + ConfigAdmin", anchor, anchorCpu);
        System.out.printf(
                Locale.ROOT,
                "%nParallax / bare = %.2f: the median of %d rounds' ratios %s (all runs pooled: %.2f; CPU time to"
                        + " ready: %.2f; %d alternating runs each per round, after 3 warm-ups; load average %s"
                        + " before, %s after)%n",
                DeployLatency.percentile(ratios, 50),
                rounds,
                Arrays.toString(Arrays.stream(ratios)
                        .mapToObj(ratio -> String.format(Locale.ROOT, "%.2f", ratio))
                        .toArray()),
                DeployLatency.percentile(ours, 50) / DeployLatency.percentile(anchor, 50),
                DeployLatency.percentile(oursCpu, 50) / DeployLatency.percentile(anchorCpu, 50),
                runs,
                loadBefore,
                loadAverage());
    }

    /** The 1, 5 and 15 minute load averages, or "unknown" where the system does not say. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * Milliseconds from starting {@code command} to the first line containing {@code ready}, and into {@code cpu}
     * the CPU milliseconds the process had used at that line (-1 where the system does not say); waits for its end.
     */
    private static double time(List<String> command, String ready, double[] cpu)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        double milliseconds = -1;
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (milliseconds < 0 && line.contains(ready)) {
                    milliseconds = (System.nanoTime() - start) / 1e6;
                    cpu[0] = process.info()
                            .totalCpuDuration()
                            .map(used -> used.toNanos() / 1e6)
                            .orElse(-1.0);
                }
            }
        }
        if (!process.waitFor(60, TimeUnit.SECONDS) || milliseconds < 0) {
            throw new IllegalStateException(String.join(" ", command) + " never printed '" + ready + "'");
        }
        return milliseconds;
    }

    private static void row(String name, double[] milliseconds, double[] cpu) {
        double[] sorted = milliseconds.clone();
        Arrays.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "| %s | %.0f | %.0f | %.0f | %.0f |%n",
                name,
                DeployLatency.percentile(milliseconds, 50),
                sorted[0],
                sorted[sorted.length - 1],
                DeployLatency.percentile(cpu, 50));
    }
}

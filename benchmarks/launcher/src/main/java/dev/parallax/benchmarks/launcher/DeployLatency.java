package dev.parallax.benchmarks.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Drop-to-live latency of a deploy folder, for Parallax ({@code parallax.jar serve}) and for Felix FileInstall at its
 * default poll, side by side in one run: a probe jar is moved into the folder and the clock stops when the probe's
 * component prints that it is live. Then the jar is deleted and the probe's going is awaited, and a random pause
 * (up to half a second) keeps the drops from falling into step with FileInstall's poll.
 *
 * <pre>{@code
 * java -cp benchmarks/launcher/target/classes dev.parallax.benchmarks.launcher.DeployLatency \
 *     <repository> <rounds>
 * }</pre>
 */
public final class DeployLatency {
    /** The flags ./parallax passes, for every platform measured. */
    static final List<String> JVM_FLAGS = List.of(
            "--add-modules=jdk.incubator.vector",
            "--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow");

    private DeployLatency() {}

    public static void main(String[] arguments) throws Exception {
        Path repository = Path.of(arguments[0]).toAbsolutePath();
        int rounds = Integer.parseInt(arguments[1]);
        Path probe = repository.resolve("benchmarks/probe/target/benchmark-probe-" + version(repository) + ".jar");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        Path parallaxHome = Files.createTempDirectory("parallax-latency");
        copyTree(repository.resolve("conf"), parallaxHome.resolve("conf"));
        Path parallaxDeploy = Files.createDirectories(parallaxHome.resolve("deploy"));
        List<String> parallax = new ArrayList<>(List.of(java));
        parallax.addAll(JVM_FLAGS);
        parallax.addAll(List.of(
                "-Dparallax.home=" + parallaxHome,
                "-Djava.util.logging.config.file=" + parallaxHome.resolve("conf/logging-commands.properties"),
                "-jar",
                repository.resolve("launcher/target/parallax.jar").toString(),
                "serve"));

        Path fileInstallDeploy = Files.createTempDirectory("fileinstall-latency");
        List<String> fileInstall = new ArrayList<>(List.of(java));
        fileInstall.addAll(JVM_FLAGS);
        fileInstall.addAll(List.of(
                "-Dfelix.fileinstall.dir=" + fileInstallDeploy,
                "-jar",
                repository.resolve("benchmarks/launcher/target/fileinstall.jar").toString()));

        double[] ours =
                measure("Parallax deploy folder", parallax, "Parallax is running", parallaxDeploy, probe, rounds);
        double[] anchor = measure("FileInstall (default poll)", fileInstall, null, fileInstallDeploy, probe, rounds);

        System.out.println();
        System.out.println("| deploy folder | p50 ms | p99 ms | max ms |");
        System.out.println("|---|---:|---:|---:|");
        row("Parallax", ours);
        row("Felix FileInstall 3.7.4, default poll", anchor);
        System.out.printf(
                Locale.ROOT,
                "%nParallax p50 / FileInstall p50 = %.3f; p99 / p99 = %.3f (%d rounds each)%n",
                percentile(ours, 50) / percentile(anchor, 50),
                percentile(ours, 99) / percentile(anchor, 99),
                rounds);
    }

    private static double[] measure(
            String name, List<String> command, String ready, Path deploy, Path probe, int rounds) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("benchmark: the platform's output ended: " + e.getMessage());
            }
        });
        try {
            if (ready != null) {
                await(lines, ready, 60);
            }
            Thread.sleep(3_000); // let the platform settle and FileInstall make its first scans
            double[] milliseconds = new double[rounds];
            Path staged = deploy.resolveSibling(deploy.getFileName() + "-probe.jar");
            for (int round = 0; round < rounds; round++) {
                Files.copy(probe, staged, StandardCopyOption.REPLACE_EXISTING);
                long start = System.nanoTime();
                Files.move(staged, deploy.resolve("probe.jar"), StandardCopyOption.ATOMIC_MOVE);
                await(lines, "probe live", 30);
                milliseconds[round] = (System.nanoTime() - start) / 1e6;
                Files.delete(deploy.resolve("probe.jar"));
                await(lines, "probe gone", 30);
                Thread.sleep(ThreadLocalRandom.current().nextLong(100, 600));
                System.err.printf(Locale.ROOT, "%s round %d: %.1f ms%n", name, round + 1, milliseconds[round]);
            }
            return milliseconds;
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static void await(BlockingQueue<String> lines, String text, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new IllegalStateException("No '" + text + "' within " + seconds + " s");
            }
            if (line.contains(text)) {
                return;
            }
        }
    }

    private static void row(String name, double[] milliseconds) {
        System.out.printf(
                Locale.ROOT,
                "| %s | %.0f | %.0f | %.0f |%n",
                name,
                percentile(milliseconds, 50),
                percentile(milliseconds, 99),
                Arrays.stream(milliseconds).max().orElseThrow());
    }

    /** The nearest-rank percentile. */
    static double percentile(double[] values, double percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static String version(Path repository) throws IOException {
        String pom = Files.readString(repository.resolve("pom.xml"));
        int start = pom.indexOf("<revision>") + "<revision>".length();
        return pom.substring(start, pom.indexOf("</revision>", start));
    }

    static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
    }
}

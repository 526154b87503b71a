package dev.parallax.itests.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.parallax.itests.StampLog;
import dev.parallax.itests.launcher.Platform.Result;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Hot swap as an operator meets it: {@code ./parallax run} runs a pipeline through the stamp fixture's elements while
 * a newer stamp jar replaces the old one in {@code deploy/}.
 */
class HotSwapDeployTest {
    /**
     * 500 buffers at 10 ms each: about 5 s of stream, of which the update takes the first part (the swap landed
     * about 11 buffers, 0.1 s, after the drop when measured), leaving seconds of margin on a loaded CI machine.
     */
    private static final int BUFFERS = 500;

    @Test
    void replacedJar_movesTheRunningPipelineToTheNewVersion_withoutLosingABuffer() throws Exception {
        try (Platform platform = new Platform("swap")) {
            platform.drop("fixture-stamp.jar", "stamp.jar");
            Path stamps = platform.home.resolve("stamps.txt");
            CompletableFuture<Result> run = CompletableFuture.supplyAsync(() -> run(
                    platform,
                    "run",
                    "testsrc num-buffers=" + BUFFERS + " size=32 refill=true ! stamp pause-ms=10 ! stamp-held"
                            + " ! filesink location=" + stamps));
            awaitRecords(platform.home, "." + stamps.getFileName() + ".", 10, run);

            platform.drop("fixture-stamp-next.jar", "stamp.jar");

            Result result = run.get(120, TimeUnit.SECONDS);
            assertEquals(0, result.exit(), result.all());
            String out = result.out();
            assertTrue(out.contains("pipeline0 finished after "), out);
            assertTrue(out.contains("  swapped stamp0 from 1.0.0 to 2.0.0\n"), out);
            assertTrue(out.contains("  swapped stamp-held0 from 1.0.0 to 2.0.0 (drained and restarted)\n"), out);
            for (String element : new String[] {"stamp0 \\(stamp\\)", "stamp-held0 \\(stamp-held\\)"}) {
                // the node counts every buffer across the swap, runs the new version, and counts one restart
                Pattern row = Pattern.compile(
                        "^" + element + " +2\\.0\\.0 +" + BUFFERS + " +" + BUFFERS + " +\\d+ +0 +1 ",
                        Pattern.MULTILINE);
                assertTrue(row.matcher(out).find(), row + " in\n" + out);
            }
            StampLog log = StampLog.of(Files.readAllBytes(stamps));
            log.assertEveryBufferOnceInOrder(BUFFERS);
            log.switchPoint(0, "1.0.0", "2.0.0");
            log.switchPoint(1, "1.0.0", "2.0.0");
        }
    }

    private static Result run(Platform platform, String... arguments) {
        try {
            return platform.run(arguments);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the filesink's part file in {@code folder} holds {@code count} records: the stream flows. */
    private static void awaitRecords(Path folder, String prefix, int count, CompletableFuture<Result> run)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (run.isDone()) {
                fail("The pipeline ended before the update: " + run.get().all());
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(
                                path -> path.getFileName().toString().startsWith(prefix))
                        .toList()) {
                    try {
                        if (Files.size(file) >= 32L * count) {
                            return;
                        }
                    } catch (IOException e) {
                        // renamed or deleted meanwhile
                    }
                }
            }
            Thread.sleep(10);
        }
        fail("No " + count + " records in " + folder + " within 60 s");
    }
}

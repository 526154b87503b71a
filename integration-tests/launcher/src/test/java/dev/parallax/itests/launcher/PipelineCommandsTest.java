package dev.parallax.itests.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.itests.launcher.Platform.Result;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code ./parallax run}, {@code graph} and the generated element catalog, with the launcher as a process. */
class PipelineCommandsTest {

    static Platform platform;

    @BeforeAll
    static void start() throws Exception {
        platform = new Platform("pipelines");
    }

    @AfterAll
    static void close() throws Exception {
        platform.close();
    }

    private static Result run(int expectedExit, String... arguments) throws Exception {
        return platform.expect(expectedExit, arguments);
    }

    @Test
    void run_finishes_withProgressAndASummaryPerElement() throws Exception {
        String out = run(
                        0,
                        "run",
                        "testsrc num-buffers=5000 ! tee name=t t. ! queue ! fakesink name=a t. ! fakesink name=b")
                .out();
        assertTrue(out.contains(" at the sinks, "), out);
        assertTrue(out.contains("pipeline0 finished after "), out);
        assertTrue(
                Pattern.compile("^a \\(fakesink\\) +\\S+ +5000 +0 +20480000 ", Pattern.MULTILINE)
                        .matcher(out)
                        .find(),
                out);
    }

    @Test
    void run_thresholdExample_writesThePng() throws Exception {
        Path png = platform.home.resolve("threshold.png");
        Path jpeg = Platform.REPOSITORY.resolve(
                "plugins/threshold/src/test/resources/fixtures/jpeg/34139872896_defdb2f8d9_c.jpg");
        run(
                0,
                "run",
                "imagesrc",
                "location=" + jpeg,
                "!",
                "threshold",
                "!",
                "pngenc",
                "!",
                "filesink",
                "location=" + png);
        BufferedImage image = ImageIO.read(png.toFile());
        BufferedImage original = ImageIO.read(jpeg.toFile());
        assertEquals(original.getWidth(), image.getWidth());
        assertEquals(original.getHeight(), image.getHeight());
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, image.getType());
    }

    @Test
    void run_badPipeline_failsPointingAtTheError() throws Exception {
        String out = run(1, "run", "testsrc ! nosuchelement ! fakesink").out();
        assertTrue(out.startsWith("The pipeline cannot be built: No element 'nosuchelement'"), out);
        assertTrue(out.contains("\n  testsrc ! nosuchelement ! fakesink\n            ^"), out);
    }

    @Test
    void run_failingElement_exitsWithOne_namingIt() throws Exception {
        String out = run(1, "run", "testsrc num-buffers=100 ! identity error-after=10 ! fakesink")
                .out();
        assertTrue(out.contains("error in identity0: "), out);
        assertTrue(out.contains("pipeline0 failed after "), out);
    }

    @Test
    void run_withoutPipeline_runsTheDemo() throws Exception {
        String out = run(0, "run").out();
        assertTrue(out.startsWith("Running the demo pipeline: testsrc "), out);
        assertTrue(
                Pattern.compile("^fakesink0 \\(fakesink\\) +\\S+ +600 ", Pattern.MULTILINE)
                        .matcher(out)
                        .find(),
                out);
    }

    @Test
    void run_badTimeout_isAUsageError() throws Exception {
        assertTrue(
                run(2, "run", "--timeout", "soon", "testsrc ! fakesink").err().startsWith("--timeout 'soon'"));
    }

    @Test
    void graph_printsDotWithNegotiatedFormats() throws Exception {
        String out = run(0, "graph", "testsrc format=gray8 width=64 height=48 ! threshold ! fakesink")
                .out();
        assertTrue(out.startsWith("digraph "), out);
        assertTrue(out.contains("gray8"), out);
    }

    /**
     * Every element's example pipeline, as the catalog prints it, runs as written from a folder that has the
     * repository's {@code docs} and {@code plugins} (the examples' inputs) and takes their outputs. The shmsrc example
     * runs in a second process, receiving from the shmsink example.
     */
    @Test
    void everyExamplePipeline_runsAsWritten() throws Exception {
        Files.createSymbolicLink(platform.home.resolve("docs"), Platform.REPOSITORY.resolve("docs"));
        Files.createSymbolicLink(platform.home.resolve("plugins"), Platform.REPOSITORY.resolve("plugins"));
        List<String> examples = run(0, "inspect", "--markdown")
                .out()
                .lines()
                .filter(line -> line.startsWith("Example pipeline: `"))
                .map(line -> line.substring("Example pipeline: `".length(), line.length() - 1))
                .toList();
        assertTrue(examples.size() >= 14, examples.toString());
        String receiver = examples.stream()
                .filter(example -> example.startsWith("shmsrc "))
                .findFirst()
                .orElseThrow();
        for (String example : examples) {
            if (example.equals(receiver)) {
                continue;
            }
            if (example.contains("! shmsink ")) {
                Process shmsrc = platform.start("run", receiver);
                // each side waits for the other (wait-timeout): the receiver for the socket, the sender for a peer
                run(0, "run", example);
                assertTrue(shmsrc.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), receiver);
                assertEquals(0, shmsrc.exitValue(), receiver);
                continue;
            }
            run(0, "run", example);
        }
        assertTrue(Files.size(platform.home.resolve("threshold.png")) > 0);
        assertTrue(Files.readString(platform.home.resolve("forecast.csv")).startsWith("step,mean,se,"));
    }

    @Test
    void elementCatalog_inDocs_isWhatInspectGenerates() throws Exception {
        String generated = run(0, "inspect", "--markdown").out();
        String committed = Files.readString(Platform.REPOSITORY.resolve("docs/elements.md"));
        assertEquals(
                generated,
                committed,
                "docs/elements.md is stale: regenerate it with ./parallax inspect --markdown > docs/elements.md");
    }
}

package dev.parallax.launcher.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.pipeline.ElementStats;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The progress line counts what reached the sinks, and the last line always shows the final counts, whether or not
 * the bus delivered the last statistics event before the pipeline ended. (Tests run without a console, so each
 * update is a line of its own.)
 */
class ProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    /** A source that sent 5000 buffers to two sinks: 10000 arrived, 2 x 5000 x 4096 bytes. */
    private static List<ElementStats> teeToTwoSinks(long each) {
        return List.of(
                new ElementStats("src", "testsrc", "1", 0, each, 0, 0, 0, 0, 0),
                new ElementStats("a", "fakesink", "1", each, 0, each * 4096, 0, 0, 0, 0),
                new ElementStats("b", "fakesink", "1", each, 0, each * 4096, 0, 0, 0, 0));
    }

    private List<String> counts() {
        return bytes.toString(StandardCharsets.UTF_8)
                .lines()
                .map(line -> line.substring(0, line.indexOf(" at the sinks")))
                .toList();
    }

    @Test
    void finish_withNoStatisticsEventBeforeTheEnd_printsTheFinalCounts() {
        progress.finish(teeToTwoSinks(5000));

        assertEquals(List.of("10,000 buffers (39.1 MiB)"), counts());
    }

    @Test
    void finish_afterALineWithTheFinalCounts_printsNoOther() {
        progress.update(teeToTwoSinks(5000));
        progress.finish(teeToTwoSinks(5000));

        assertEquals(List.of("10,000 buffers (39.1 MiB)"), counts());
    }

    @Test
    void finish_afterAnEarlierLine_printsTheFinalCounts() {
        progress.update(teeToTwoSinks(1000));
        progress.finish(teeToTwoSinks(5000));

        assertEquals(List.of("2,000 buffers (7.8 MiB)", "10,000 buffers (39.1 MiB)"), counts());
    }

    @Test
    void finish_afterATickThatSawNoNewBuffers_endsWithTheRateOverTheWholeRun() {
        progress.update(teeToTwoSinks(5000));
        progress.update(teeToTwoSinks(5000)); // the last buffer came before this tick: 0 buffers/s

        progress.finish(teeToTwoSinks(5000));

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(1).endsWith(" 0 buffers/s"), lines.get(1));
        assertTrue(
                lines.get(2).matches("10,000 buffers \\(39\\.1 MiB\\) at the sinks, [1-9][0-9,]* buffers/s overall"),
                lines.get(2));
    }

    @Test
    void update_afterFinish_isIgnored() {
        progress.finish(teeToTwoSinks(5000));
        progress.update(teeToTwoSinks(5000));

        assertEquals(List.of("10,000 buffers (39.1 MiB)"), counts());
    }
}

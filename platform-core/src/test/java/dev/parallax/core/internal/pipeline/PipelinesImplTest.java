package dev.parallax.core.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.buffer.MemoryService;
import dev.parallax.api.pipeline.ElementStats;
import dev.parallax.api.pipeline.Pipeline;
import dev.parallax.api.pipeline.PipelineBuilder;
import dev.parallax.api.pipeline.PipelineException;
import dev.parallax.api.pipeline.PipelineState;
import dev.parallax.core.internal.memory.MemoryServiceImpl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The engine as its service offers it: text and builder in, pipelines that run the core elements, kept and closed. */
@Timeout(30)
class PipelinesImplTest {
    private final PipelinesImpl pipelines = new PipelinesImpl(StaticCatalog.core(), memory());

    @AfterEach
    void deactivate() {
        pipelines.deactivate();
    }

    static MemoryService memory() {
        return MemoryServiceImpl.withDefaults();
    }

    private static Map<String, ElementStats> byName(Pipeline pipeline) {
        return pipeline.stats().stream().collect(Collectors.toMap(ElementStats::element, Function.identity()));
    }

    @Test
    void parsedPipeline_runsToTheEnd_countingEveryBuffer() throws InterruptedException {
        try (Pipeline pipeline = pipelines.parse("testsrc num-buffers=1000 size=4096 ! identity ! fakesink")) {
            pipeline.start();
            assertEquals(PipelineState.FINISHED, pipeline.await(Duration.ofSeconds(20)));
            Map<String, ElementStats> stats = byName(pipeline);
            assertEquals(1000, stats.get("fakesink0").buffersIn());
            assertEquals(1000L * 4096, stats.get("fakesink0").bytesIn());
            assertEquals(1000, stats.get("identity0").buffersOut());
        }
    }

    @Test
    void builderAndText_giveTheSameDescription() {
        PipelineBuilder builder = pipelines.builder();
        PipelineBuilder.Node tee = builder.add("testsrc").set("num-buffers", 10).link(builder.add("tee", "t"));
        tee.link(builder.add("queue")).link(builder.add("fakesink"));
        tee.link(builder.add("fakesink"));
        try (Pipeline built = builder.build();
                Pipeline parsed =
                        pipelines.parse("testsrc num-buffers=10 ! tee name=t  t. ! queue ! fakesink  t. ! fakesink")) {
            assertEquals(parsed.description(), built.description());
        }
    }

    @Test
    void teeAndQueues_deliverEveryBufferToEachBranch(@TempDir Path folder) throws Exception {
        Path out = folder.resolve("copy.bin");
        try (Pipeline pipeline = pipelines.parse("testsrc num-buffers=500 size=1000 pattern=counter ! tee name=t"
                + "  t. ! queue ! filesink location=" + out + "  t. ! queue max-size-buffers=4 ! fakesink name=f")) {
            List<Object> events = new java.util.concurrent.CopyOnWriteArrayList<>();
            pipeline.subscribe(events::add);
            pipeline.start();
            assertEquals(PipelineState.FINISHED, pipeline.await(Duration.ofSeconds(20)), () -> {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                }
                return events.toString();
            });
            assertEquals(500, byName(pipeline).get("f").buffersIn());
        }
        byte[] bytes = Files.readAllBytes(out);
        assertEquals(500 * 1000, bytes.length);
        for (int i = 0; i < 500; i++) { // the counter pattern: each buffer starts with its sequence number
            long sequence = java.nio.ByteBuffer.wrap(bytes, i * 1000, 8)
                    .order(java.nio.ByteOrder.nativeOrder())
                    .getLong();
            assertEquals(i, sequence, "buffer " + i);
        }
    }

    @Test
    void pipelines_areKeptUntilClosed() {
        Pipeline first = pipelines.parse("testsrc num-buffers=1 ! fakesink");
        Pipeline second = pipelines.parse("testsrc num-buffers=1 ! fakesink");
        assertEquals(List.of(first, second), pipelines.pipelines());
        assertTrue(!first.name().equals(second.name()));
        first.close();
        assertEquals(List.of(second), pipelines.pipelines());
        second.close();
    }

    @Test
    void formatMismatch_isRefusedAtBuildTime_namingBothSides() {
        PipelineException error = assertThrows(
                PipelineException.class, () -> pipelines.parse("testsrc format=bytes ! testsrc ! fakesink"));
        assertTrue(error.getMessage().contains("testsrc"), error.getMessage());
        assertTrue(pipelines.pipelines().isEmpty());
    }

    @Test
    void elements_listTheCatalog() {
        assertEquals(
                List.of("fakesink", "filesink", "filesrc", "identity", "queue", "tee", "testsrc"),
                pipelines.elements().stream().map(e -> e.name()).toList());
        assertEquals("queue", pipelines.element("queue").orElseThrow().name());
        assertTrue(pipelines.element("nope").isEmpty());
    }
}

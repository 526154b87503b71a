package dev.parallax.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.pipeline.ElementDescription;
import dev.parallax.api.pipeline.ElementStats;
import dev.parallax.api.pipeline.Pipeline;
import dev.parallax.api.pipeline.PipelineEvent;
import dev.parallax.api.pipeline.PipelineException;
import dev.parallax.api.pipeline.PipelineState;
import dev.parallax.api.pipeline.Pipelines;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * The pipeline engine inside a real framework: the elements come from plugin bundles through the registry (the core
 * elements and the threshold plugin's), pipelines run to their end and report on their bus.
 */
@ExtendWith(ServiceExtension.class)
@Timeout(60)
class PipelineEngineTest {
    @InjectService
    Pipelines pipelines;

    private static Map<String, ElementStats> stats(Pipeline pipeline) {
        return pipeline.stats().stream().collect(Collectors.toMap(ElementStats::element, Function.identity()));
    }

    @Test
    void elements_comeFromEveryPluginBundle() {
        List<String> names =
                pipelines.elements().stream().map(ElementDescription::name).toList();
        assertTrue(
                names.containsAll(
                        List.of("fakesink", "filesink", "filesrc", "identity", "queue", "tee", "testsrc", "threshold")),
                names.toString());
    }

    @Test
    void branchedPipeline_runsToTheEnd_withEveryBufferOnEachBranch() throws InterruptedException {
        try (Pipeline pipeline = pipelines.parse("testsrc num-buffers=2000 size=4096 ! tee name=t"
                + "  t. ! queue ! identity ! fakesink name=a  t. ! queue max-size-buffers=2 ! fakesink name=b")) {
            List<PipelineEvent> events = new CopyOnWriteArrayList<>();
            pipeline.subscribe(events::add);
            pipeline.start();
            assertEquals(PipelineState.FINISHED, pipeline.await(Duration.ofSeconds(30)), events::toString);
            assertEquals(2000, stats(pipeline).get("a").buffersIn());
            assertEquals(2000, stats(pipeline).get("b").buffersIn());
        }
    }

    @Test
    void thresholdElement_runsInAPipeline_onGray8Frames() throws InterruptedException {
        try (Pipeline pipeline = pipelines.parse("testsrc num-buffers=20 format=gray8 width=207 height=13"
                + " pattern=random ! threshold method=tile ! threshold method=mean block-size=3 ! fakesink name=out")) {
            pipeline.start();
            assertEquals(PipelineState.FINISHED, pipeline.await(Duration.ofSeconds(30)));
            assertEquals(20, stats(pipeline).get("out").buffersIn());
            assertEquals(20L * 207 * 13, stats(pipeline).get("out").bytesIn());
        }
    }

    @Test
    void mismatchedFormats_areRefusedWhenBuilt() {
        PipelineException error =
                assertThrows(PipelineException.class, () -> pipelines.parse("testsrc ! threshold ! fakesink"));
        assertTrue(error.getMessage().contains("threshold0.sink"), error.getMessage());
    }
}

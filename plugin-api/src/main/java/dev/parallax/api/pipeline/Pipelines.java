package dev.parallax.api.pipeline;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The pipeline engine: builds pipelines from the elements that plugins contribute, and keeps the ones built.
 *
 * <pre>{@code
 * Pipeline pipeline = pipelines.parse("testsrc num-buffers=100 ! identity ! fakesink");
 * pipeline.start();
 * pipeline.await(Duration.ofSeconds(10));
 * }</pre>
 *
 * <p>A provider type: only the runtime implements it.
 */
@ProviderType
public interface Pipelines {
    /**
     * Builds a pipeline from text in the manner of {@code gst-launch}: elements with {@code property=value} pairs
     * linked by {@code !}, {@code name=} to name one, {@code name.} (or {@code name.pad}) to link from or to a named
     * element, so that branches can be written ({@code testsrc ! tee name=t  t. ! queue ! fakesink  t. ! fakesink}).
     * The pipeline is checked (every element known, every property valid, every pad linked, no cycle, every link's
     * formats agreed) and not started.
     *
     * @throws PipelineException saying what is wrong, and where in the text for a syntax error
     */
    Pipeline parse(String description);

    /** A builder for the same graphs in Java, checked the same way when built. */
    PipelineBuilder builder();

    /** The elements that can be used now, by name, each the best version available. */
    List<ElementDescription> elements();

    /** The element called {@code name}, the best version available. */
    Optional<ElementDescription> element(String name);

    /** The pipelines built and not yet closed, running or not, in the order they were built. */
    List<Pipeline> pipelines();
}

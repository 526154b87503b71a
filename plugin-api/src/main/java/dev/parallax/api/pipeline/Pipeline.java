package dev.parallax.api.pipeline;

import java.time.Duration;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A checked graph of linked elements, and its run.
 *
 * <p>A pipeline runs once: {@link #start()} from {@link PipelineState#CREATED}, then it ends {@link
 * PipelineState#FINISHED} when every sink has seen the end of the stream, {@link PipelineState#FAILED} on an error
 * its element's policy does not absorb (or a deadline passed), or {@link PipelineState#CANCELLED}.
 *
 * <p>A provider type: only the runtime implements it.
 */
@ProviderType
public interface Pipeline extends AutoCloseable {
    /** The pipeline's name. */
    String name();

    /** The pipeline in the text form, every element named and every property given. */
    String description();

    /** Where the pipeline is now. */
    PipelineState state();

    /**
     * Starts the pipeline's elements and the flow of buffers.
     *
     * @throws IllegalStateException if it was started before
     */
    void start();

    /** Asks the sources to end the stream: what is in flight reaches the sinks, then the pipeline finishes. */
    void stop();

    /** Stops at once: buffers in flight are released, every element is stopped, the state becomes cancelled. */
    void cancel();

    /**
     * Waits until the pipeline ends or the timeout passes.
     *
     * @return the state then
     */
    PipelineState await(Duration timeout) throws InterruptedException;

    /** Per element: buffers, bytes, drops, restarts and latency so far. */
    List<ElementStats> stats();

    /**
     * Calls {@code listener} with every later event of this pipeline, on a thread of its own: a slow or failing
     * listener never stalls the buffers.
     *
     * @return closes the subscription
     */
    AutoCloseable subscribe(PipelineListener listener);

    /** The graph in Graphviz DOT: elements, pads and the negotiated format of each link. */
    String toDot();

    /** The graph as JSON: elements with their properties, links with pads and formats, and the state. */
    String toJson();

    /** Cancels the pipeline if it runs and forgets it. */
    @Override
    void close();
}

package dev.parallax.api.pipeline;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One stage of a running pipeline: it receives buffers on its input pads and pushes buffers to its output pads.
 *
 * <p>The runtime calls an element from one thread at a time, in this order: {@link #negotiate} once when the
 * pipeline is built, {@link #start} once, {@link #process} for each buffer, {@link #endOfStream} once when every
 * input has ended, and {@link #stop} once, also after a failure or a cancel. Pads are numbered from 0 per
 * direction, in the order of the description's pad templates; a template with {@link PadTemplate.Presence#REQUEST}
 * presence stands for as many pads as the pipeline links.
 *
 * <p>Ownership: a buffer passed to {@link #process} belongs to the element, which either pushes it on (passing the
 * ownership) or releases it. A buffer pushed to an {@link Output} belongs to the receiver.
 *
 * <p>A consumer type: plugins implement it.
 */
@ConsumerType
public interface Element {
    /**
     * The formats this element produces on its outputs, given the formats negotiated on its inputs. Called once,
     * when the pipeline is built, with input formats each accepted by the input pad's template.
     *
     * @param inputs the format on each input pad, in pad order (empty for a source)
     * @param outputs how many output pads are linked
     * @return the format on each output pad, in pad order, each accepted by its pad template
     * @throws IllegalArgumentException if this element cannot work on these inputs with its properties, naming the
     *     format, the property and the rule
     */
    List<Format> negotiate(List<Format> inputs, int outputs);

    /** Gets ready to process: open files, loan pools. */
    default void start(ElementContext context) throws Exception {}

    /**
     * Processes one buffer that arrived on input pad {@code input}.
     *
     * @param input the input pad's number
     * @param buffer the buffer, now owned by this element
     * @param output where to push results
     * @throws Exception a failure, handled by the element's error policy
     */
    void process(int input, Buffer buffer, Output output) throws Exception;

    /** Every input has ended: push whatever the element still holds. */
    default void endOfStream(Output output) throws Exception {}

    /** Frees what {@link #start} took; called once after start, whatever happened. */
    default void stop() throws Exception {}
}

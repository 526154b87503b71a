package dev.parallax.api.pipeline;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Builds a pipeline in Java. It makes the same graph as the text form, and checks it the same way.
 *
 * <pre>{@code
 * PipelineBuilder builder = pipelines.builder().name("demo");
 * PipelineBuilder.Node tee = builder.add("testsrc").set("num-buffers", 100).link(builder.add("tee"));
 * tee.link(builder.add("queue")).link(builder.add("fakesink"));
 * tee.link(builder.add("fakesink"));
 * Pipeline pipeline = builder.build();
 * }</pre>
 *
 * <p>A provider type: only the runtime implements it.
 */
@ProviderType
public interface PipelineBuilder {
    /** Names the pipeline; by default the runtime numbers them ({@code pipeline0}). */
    PipelineBuilder name(String name);

    /** Adds an element, named as the text form would name it ({@code identity0}). */
    Node add(String element);

    /**
     * Adds an element with a name.
     *
     * @throws PipelineException if the element is unknown or the name taken, naming them
     */
    Node add(String element, String name);

    /**
     * Checks the graph and makes the pipeline, not started.
     *
     * @throws PipelineException saying what is wrong
     */
    Pipeline build();

    /** An element added to the builder. */
    @ProviderType
    interface Node {
        /** The element's name in the pipeline. */
        String name();

        /**
         * Sets a property (or one of {@link ElementDescription#RESERVED_PROPERTIES}).
         *
         * @throws PipelineException if the element has no such property or the value breaks its rule
         */
        Node set(String property, Object value);

        /** Links this element's next free output pad to {@code downstream}'s next free input pad. */
        Node link(Node downstream);

        /** Links the named output pad ({@code src_0}) to {@code downstream}'s named input pad. */
        Node link(String outputPad, Node downstream, String inputPad);
    }
}

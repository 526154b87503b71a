package dev.parallax.api.pipeline;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Makes the instances of one element, and describes it.
 *
 * <p>Register it as a plugin service whose capability is {@link #CAPABILITY} and whose id is the element's name:
 *
 * <pre>{@code
 * @Component(service = ElementFactory.class)
 * @ParallaxPlugin(id = "threshold", capability = ElementFactory.CAPABILITY, description = "...")
 * public final class ThresholdElementFactory implements ElementFactory { ... }
 * }</pre>
 *
 * <p>The runtime looks factories up once, when a pipeline is built, never per buffer. When the plugin that provides
 * a factory is updated, running pipelines move their elements to the new version (see {@link
 * ElementDescription#swappable()}).
 *
 * <p>A consumer type: plugins implement it.
 */
@ConsumerType
public interface ElementFactory {
    /** The capability under which element factories are registered. */
    String CAPABILITY = "element";

    /** The element's description; the same value every time it is asked. */
    ElementDescription description();

    /**
     * Makes a new element.
     *
     * @param properties the element's properties, already checked against {@link ElementDescription#properties()}
     *     and completed with their defaults
     * @throws IllegalArgumentException if the properties are valid one by one but not together, naming them and
     *     the rule
     */
    Element create(PropertyValues properties);
}

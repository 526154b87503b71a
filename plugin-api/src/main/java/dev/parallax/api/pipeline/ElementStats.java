package dev.parallax.api.pipeline;

/**
 * What one element of a pipeline did so far.
 *
 * @param element the element's name in the pipeline
 * @param factory the element's type ({@code identity})
 * @param version the version of the plugin now providing it
 * @param buffersIn buffers received (produced, for a source)
 * @param buffersOut buffers pushed on
 * @param bytesIn bytes of the buffers received (produced, for a source)
 * @param dropped buffers dropped by the {@link ErrorPolicy#DROP} or {@link ErrorPolicy#RESTART} policy
 * @param restarts times the element was restarted or swapped
 * @param meanLatencyNanos mean time spent in the element per buffer, including what it pushed on the same thread
 * @param maxLatencyNanos longest such time
 */
public record ElementStats(
        String element,
        String factory,
        String version,
        long buffersIn,
        long buffersOut,
        long bytesIn,
        long dropped,
        int restarts,
        long meanLatencyNanos,
        long maxLatencyNanos) {}

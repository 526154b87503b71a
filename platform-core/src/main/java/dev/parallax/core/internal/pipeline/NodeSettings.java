package dev.parallax.core.internal.pipeline;

import dev.parallax.api.pipeline.ErrorPolicy;
import java.time.Duration;

/**
 * The runtime's own properties of an element, which every element has (see {@code
 * ElementDescription.RESERVED_PROPERTIES}).
 *
 * @param onError what a failure while processing a buffer does ({@code on-error})
 * @param restartBackoff the first wait before a restart, doubled after each restart in a row ({@code
 *     restart-backoff})
 * @param deadline how long one call into the element may take before it is reported as hung and the pipeline is
 *     stopped ({@code deadline}); {@link Duration#ZERO} for no deadline
 */
public record NodeSettings(ErrorPolicy onError, Duration restartBackoff, Duration deadline) {
    /** Fail on error, 100 ms backoff, no deadline. */
    public static final NodeSettings DEFAULT =
            new NodeSettings(ErrorPolicy.FAIL, Duration.ofMillis(100), Duration.ZERO);
}

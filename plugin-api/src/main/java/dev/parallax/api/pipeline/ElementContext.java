package dev.parallax.api.pipeline;

import dev.parallax.api.buffer.Format;
import dev.parallax.api.buffer.MemoryService;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What a running element gets from the runtime.
 *
 * <p>A provider type: only the runtime implements it.
 */
@ProviderType
public interface ElementContext {
    /** The element's name in its pipeline ({@code threshold0}, or the {@code name} property). */
    String name();

    /** The pipeline's name. */
    String pipeline();

    /** The negotiated format on each input pad. */
    List<Format> inputs();

    /** The negotiated format on each output pad. */
    List<Format> outputs();

    /** Where buffers come from: pools and allocators. */
    MemoryService memory();

    /** Posts a warning from this element on the pipeline's event bus. */
    void warn(String message);

    /** Whether the pipeline is stopping: a long {@link Source#produce} or {@link Element#process} may end early. */
    boolean isStopping();
}

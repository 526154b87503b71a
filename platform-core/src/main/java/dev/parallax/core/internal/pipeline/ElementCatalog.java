package dev.parallax.core.internal.pipeline;

import dev.parallax.api.pipeline.ElementDescription;
import java.util.List;
import java.util.Optional;

/** The element factories plugins contribute, through the plugin registry: looked up once per pipeline build. */
public interface ElementCatalog {
    /** The best version of the element called {@code name}, acquired; empty if no plugin provides it. */
    Optional<ResolvedFactory> resolve(String name);

    /** Every element available, the best version of each, sorted by name. */
    List<ElementDescription> elements();
}

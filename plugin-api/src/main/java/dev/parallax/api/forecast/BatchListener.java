package dev.parallax.api.forecast;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Hears a batch's progress.
 *
 * <p>Called on the worker threads, once per finished series and never concurrently; keep it quick. A listener that
 * throws is ignored for the rest of the batch, which goes on.
 *
 * <p>A consumer type: applications implement it, so adding a method to it would break them.
 */
@ConsumerType
@FunctionalInterface
public interface BatchListener {
    /** A listener that ignores everything. */
    BatchListener NONE = (completed, total, latest) -> {};

    /**
     * Called after each series.
     *
     * @param completed how many series are finished, this one included
     * @param total how many series the batch has
     * @param latest the result of the series just finished
     */
    void progress(int completed, int total, SeriesResult latest);
}

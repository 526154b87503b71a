package dev.parallax.api.forecast;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A batch of fits running on all cores.
 *
 * <p>A provider type: only the forecast plugin implements it.
 */
@ProviderType
public interface BatchJob {
    /** The number of series in the batch. */
    int total();

    /** The number of series finished so far (fitted or failed). */
    int completed();

    /**
     * Asks the batch to stop: series not yet started are reported {@link SeriesResult.Status#CANCELLED}, the ones
     * being fitted finish. Calling it again does nothing.
     */
    void cancel();

    /** Whether every series has a result. */
    boolean isDone();

    /**
     * Waits for the batch and returns one result per series, in the batch's order.
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    List<SeriesResult> await() throws InterruptedException;

    /**
     * Waits at most {@code timeout} for the batch.
     *
     * @throws TimeoutException if the batch is still running then
     * @throws InterruptedException if the waiting thread is interrupted
     */
    List<SeriesResult> await(long timeout, TimeUnit unit) throws InterruptedException, TimeoutException;
}

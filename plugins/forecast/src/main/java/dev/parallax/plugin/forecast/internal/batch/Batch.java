package dev.parallax.plugin.forecast.internal.batch;

import dev.parallax.api.forecast.ArimaModel;
import dev.parallax.api.forecast.BatchJob;
import dev.parallax.api.forecast.BatchListener;
import dev.parallax.api.forecast.Series;
import dev.parallax.api.forecast.SeriesResult;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A batch of fits: a few workers take series by index until none is left, so a million series cost a million
 * small tasks' worth of work but only {@code workers} tasks in the executor. A failure is caught per series and
 * becomes that series' result; cancellation marks the series not yet started.
 */
public final class Batch implements BatchJob {
    private final List<Series> series;
    private final Function<Series, ArimaModel> fitter;
    private final SeriesResult[] results;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger completed = new AtomicInteger();
    private final CountDownLatch finished;
    private final Object listenerLock = new Object();
    private BatchListener listener;
    private volatile boolean cancelled;

    private Batch(List<Series> series, Function<Series, ArimaModel> fitter, BatchListener listener, int workers) {
        this.series = List.copyOf(series);
        this.fitter = fitter;
        this.listener = listener == null ? BatchListener.NONE : listener;
        this.results = new SeriesResult[this.series.size()];
        this.finished = new CountDownLatch(workers);
    }

    /** Starts {@code workers} workers on {@code executor} fitting every series with {@code fitter}. */
    public static Batch start(
            List<Series> series,
            Function<Series, ArimaModel> fitter,
            BatchListener listener,
            Executor executor,
            int workers) {
        int count = Math.max(1, Math.min(workers, series.size()));
        Batch batch = new Batch(series, fitter, listener, count);
        for (int w = 0; w < count; w++) {
            executor.execute(batch::work);
        }
        return batch;
    }

    private void work() {
        try {
            for (int i = next.getAndIncrement(); i < results.length; i = next.getAndIncrement()) {
                Series s = series.get(i);
                if (cancelled) {
                    results[i] = new SeriesResult(
                            i,
                            s.name(),
                            SeriesResult.Status.CANCELLED,
                            null,
                            "Series '" + s.name() + "' was not fitted: the batch was cancelled before it started");
                    continue;
                }
                SeriesResult result = fit(i, s);
                results[i] = result;
                report(completed.incrementAndGet(), result);
            }
        } finally {
            finished.countDown();
        }
    }

    private SeriesResult fit(int index, Series s) {
        try {
            return new SeriesResult(index, s.name(), SeriesResult.Status.FITTED, fitter.apply(s), null);
        } catch (IllegalArgumentException | ArithmeticException e) {
            return new SeriesResult(index, s.name(), SeriesResult.Status.FAILED, null, e.getMessage());
        } catch (RuntimeException e) {
            return new SeriesResult(
                    index, s.name(), SeriesResult.Status.FAILED, null, "Series '" + s.name() + "' failed: " + e);
        }
    }

    private void report(int done, SeriesResult result) {
        synchronized (listenerLock) {
            if (listener == null) {
                return;
            }
            try {
                listener.progress(done, results.length, result);
            } catch (RuntimeException e) {
                listener = null;
            }
        }
    }

    @Override
    public int total() {
        return results.length;
    }

    @Override
    public int completed() {
        return completed.get();
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public boolean isDone() {
        return finished.getCount() == 0;
    }

    @Override
    public List<SeriesResult> await() throws InterruptedException {
        finished.await();
        return Arrays.asList(results.clone());
    }

    @Override
    public List<SeriesResult> await(long timeout, TimeUnit unit) throws InterruptedException, TimeoutException {
        if (!finished.await(timeout, unit)) {
            throw new TimeoutException("Batch of " + results.length + " series is still running after " + timeout + " "
                    + unit.toString().toLowerCase(java.util.Locale.ROOT) + ": " + completed() + " finished");
        }
        return Arrays.asList(results.clone());
    }
}

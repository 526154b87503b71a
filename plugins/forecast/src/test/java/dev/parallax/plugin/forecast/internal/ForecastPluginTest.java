package dev.parallax.plugin.forecast.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.forecast.ArimaSpec;
import dev.parallax.api.forecast.AutoArimaOptions;
import dev.parallax.api.forecast.BatchJob;
import dev.parallax.api.forecast.RollingFunction;
import dev.parallax.api.forecast.RollingWindow;
import dev.parallax.api.forecast.Series;
import dev.parallax.api.forecast.SeriesResult;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The service as Java applications call it, batches above all. The batch mixes good series (AR(1) simulations of
 * 100 points, the SKU size) with ones that must fail on their own: too short, holding a NaN, holding an
 * infinity.
 */
class ForecastPluginTest {
    private final ForecastPlugin plugin = new ForecastPlugin(threads(2));

    @AfterEach
    void stop() {
        plugin.deactivate();
    }

    private static ForecastPlugin.Config threads(int count) {
        return new ForecastPlugin.Config() {
            @Override
            public int batch$_$threads() {
                return count;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return ForecastPlugin.Config.class;
            }
        };
    }

    private static double[] ar1(long seed, int n) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n];
        double previous = 0;
        for (int t = 0; t < n; t++) {
            previous = 0.6 * previous + random.nextGaussian();
            x[t] = 10 + previous;
        }
        return x;
    }

    private static List<Series> mixedBatch() {
        List<Series> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            batch.add(Series.of("sku-" + i, ar1(i, 100)));
        }
        batch.set(3, Series.of("sku-3", new double[] {1, 2, 3}));
        double[] withNaN = ar1(99, 100);
        withNaN[40] = Double.NaN;
        batch.set(7, Series.of("sku-7", withNaN));
        double[] withInfinity = ar1(98, 100);
        withInfinity[0] = Double.POSITIVE_INFINITY;
        batch.set(11, Series.of("sku-11", withInfinity));
        return batch;
    }

    @Test
    void fitAll_withBadSeries_reportsEachFailureInItsOwnResult() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        BatchJob job = plugin.fitAll(mixedBatch(), ArimaSpec.of(1, 0, 0), (done, total, latest) -> {
            calls.incrementAndGet();
            assertEquals(20, total);
        });
        List<SeriesResult> results = job.await(60, TimeUnit.SECONDS);
        assertEquals(20, results.size());
        assertEquals(20, calls.get());
        assertEquals(20, job.completed());
        for (SeriesResult result : results) {
            boolean bad = List.of(3, 7, 11).contains(result.index());
            assertEquals(bad ? SeriesResult.Status.FAILED : SeriesResult.Status.FITTED, result.status());
            assertEquals("sku-" + result.index(), result.series());
        }
        assertEquals(
                "Series 'sku-3' has 3 points, too short for ARIMA(1,0,0) with mean: needs at least 4",
                results.get(3).error());
        assertTrue(results.get(7).error().startsWith("Series 'sku-7' has value NaN at index 40"));
        assertTrue(results.get(11).error().startsWith("Series 'sku-11' has value Infinity at index 0"));
        assertNull(results.get(0).error());
    }

    @Test
    void fitAll_cancelled_marksTheSeriesNotStarted() throws Exception {
        List<Series> batch = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            batch.add(Series.of("sku-" + i, ar1(i, 100)));
        }
        CountDownLatch firstDone = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        BatchJob job = plugin.fitAll(batch, ArimaSpec.of(1, 1, 1), (done, total, latest) -> {
            firstDone.countDown();
            try {
                cancelled.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(firstDone.await(60, TimeUnit.SECONDS));
        job.cancel();
        cancelled.countDown();
        List<SeriesResult> results = job.await(60, TimeUnit.SECONDS);
        long notStarted = results.stream()
                .filter(r -> r.status() == SeriesResult.Status.CANCELLED)
                .count();
        assertTrue(notStarted > 150, "most series were never started: " + notStarted);
        assertEquals(200 - notStarted, job.completed());
        assertTrue(job.isDone());
    }

    @Test
    void fitAll_withThrowingListener_goesOn() throws Exception {
        BatchJob job = plugin.fitAll(mixedBatch(), ArimaSpec.of(0, 0, 1), (done, total, latest) -> {
            throw new IllegalStateException("listener bug");
        });
        assertEquals(20, job.await(60, TimeUnit.SECONDS).size());
        assertEquals(20, job.completed());
    }

    @Test
    void autoFitAll_withABadSeries_fitsTheOthers() throws Exception {
        List<Series> batch = mixedBatch().subList(0, 8);
        List<SeriesResult> results =
                plugin.autoFitAll(batch, AutoArimaOptions.defaults(), null).await(120, TimeUnit.SECONDS);
        assertEquals(SeriesResult.Status.FITTED, results.get(0).status());
        assertEquals(SeriesResult.Status.FAILED, results.get(7).status());
        assertTrue(
                results.get(7).error().startsWith("Series 'sku-7' has value NaN"),
                results.get(7).error());
    }

    @Test
    void rolling_onArrays_matchesTheKernels() {
        double[] mean = plugin.rolling(RollingFunction.MEAN, new double[] {1, 2, 3, 4}, RollingWindow.of(2));
        assertEquals(
                List.of(Double.NaN, 1.5, 2.5, 3.5),
                java.util.Arrays.stream(mean).boxed().toList());
        double[] ewma = plugin.ewma(new double[] {1, 3}, 0.5);
        assertEquals(2, ewma[1]);
    }
}

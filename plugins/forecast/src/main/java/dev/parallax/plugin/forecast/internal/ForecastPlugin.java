package dev.parallax.plugin.forecast.internal;

import dev.parallax.api.forecast.ArimaModel;
import dev.parallax.api.forecast.ArimaSpec;
import dev.parallax.api.forecast.AutoArimaOptions;
import dev.parallax.api.forecast.BatchJob;
import dev.parallax.api.forecast.BatchListener;
import dev.parallax.api.forecast.Forecaster;
import dev.parallax.api.forecast.RollingFunction;
import dev.parallax.api.forecast.RollingWindow;
import dev.parallax.api.forecast.Series;
import dev.parallax.api.plugin.ParallaxPlugin;
import dev.parallax.plugin.forecast.internal.arima.ArimaFitter;
import dev.parallax.plugin.forecast.internal.auto.AutoArima;
import dev.parallax.plugin.forecast.internal.batch.Batch;
import dev.parallax.plugin.forecast.internal.rolling.RollingKernels;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The forecast capability as an OSGi service: rolling statistics, ARIMA fits and batches of them. */
@Component(service = Forecaster.class, configurationPid = ForecastPlugin.PID)
@Designate(ocd = ForecastPlugin.Config.class)
// Not id "forecast": a plugin id names one plugin across its versions, and "forecast" is the pipeline element's
// (an element's plugin id is its name), so this service has an id of its own.
@ParallaxPlugin(
        id = "forecast.forecaster",
        capability = "forecast",
        description = "Rolling statistics and ARIMA models (R's arima and auto.arima), for one series or millions",
        license = "Apache-2.0")
public final class ForecastPlugin implements Forecaster {
    static final String PID = "dev.parallax.plugin.forecast";

    /** The plugin's configuration. */
    @ObjectClassDefinition(name = "Parallax forecast", description = "Rolling statistics and ARIMA models")
    public @interface Config {
        /** The threads that fit a batch's series. */
        @AttributeDefinition(
                name = "Batch threads",
                description = "How many threads fit the series of a batch; 0 means one per available core")
        int batch$_$threads() default 0;
    }

    private final int threads;
    private final ExecutorService executor;

    @Activate
    public ForecastPlugin(Config config) {
        int configured = config.batch$_$threads();
        this.threads = configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
        this.executor = Executors.newFixedThreadPool(threads, new Workers());
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    @Override
    public double[] rolling(RollingFunction function, double[] values, RollingWindow window) {
        double[] out = new double[values.length];
        RollingKernels.rolling(function, MemorySegment.ofArray(values), window, MemorySegment.ofArray(out));
        return out;
    }

    @Override
    public void rolling(RollingFunction function, MemorySegment values, RollingWindow window, MemorySegment out) {
        RollingKernels.rolling(function, values, window, out);
    }

    @Override
    public double[] ewma(double[] values, double alpha) {
        double[] out = new double[values.length];
        RollingKernels.ewma(MemorySegment.ofArray(values), alpha, MemorySegment.ofArray(out));
        return out;
    }

    @Override
    public void ewma(MemorySegment values, double alpha, MemorySegment out) {
        RollingKernels.ewma(values, alpha, out);
    }

    @Override
    public ArimaModel fit(Series series, ArimaSpec spec) {
        return ArimaFitter.fit(series, spec);
    }

    @Override
    public ArimaModel autoFit(Series series, AutoArimaOptions options) {
        return AutoArima.fit(series, options);
    }

    @Override
    public BatchJob fitAll(List<Series> series, ArimaSpec spec, BatchListener listener) {
        return Batch.start(series, s -> ArimaFitter.fit(s, spec), listener, executor, threads);
    }

    @Override
    public BatchJob autoFitAll(List<Series> series, AutoArimaOptions options, BatchListener listener) {
        return Batch.start(series, s -> AutoArima.fit(s, options), listener, executor, threads);
    }

    /** Daemon threads named after the plugin, so a forgotten batch never keeps a JVM alive. */
    private static final class Workers implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "parallax-forecast-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}

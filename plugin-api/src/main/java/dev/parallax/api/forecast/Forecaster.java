package dev.parallax.api.forecast;

import java.lang.foreign.MemorySegment;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The forecast capability: rolling statistics and ARIMA models. Thread-safe.
 *
 * <p>A provider type: only the forecast plugin implements it, so methods may be added in minor versions.
 */
@ProviderType
public interface Forecaster {
    /** Computes {@code function} over a sliding {@code window} of {@code values}, into a new array. */
    double[] rolling(RollingFunction function, double[] values, RollingWindow window);

    /**
     * Computes {@code function} over a sliding {@code window} of the float64 values in {@code values}, writing
     * one float64 per input into {@code out}. Neither segment is copied; they may be the same segment.
     *
     * @throws IllegalArgumentException if {@code out} is smaller than {@code values}
     */
    void rolling(RollingFunction function, MemorySegment values, RollingWindow window, MemorySegment out);

    /**
     * The exponentially weighted mean m(i) = alpha·x(i) + (1 - alpha)·m(i-1), starting at the first non-NaN
     * value; a NaN input leaves the mean unchanged (NaN before the first value).
     *
     * @param alpha the weight of the newest value, in (0, 1]
     */
    double[] ewma(double[] values, double alpha);

    /** {@link #ewma(double[], double)} from one float64 segment into another; they may be the same segment. */
    void ewma(MemorySegment values, double alpha, MemorySegment out);

    /**
     * Fits {@code spec} to {@code series}.
     *
     * @throws IllegalArgumentException if the series is too short for the model or holds a value it may not
     * @throws ArithmeticException if the fit fails: a non-stationary AR part, a likelihood that cannot be evaluated
     */
    ArimaModel fit(Series series, ArimaSpec spec);

    /**
     * Chooses the orders and fits the best model, as {@code forecast::auto.arima} does.
     *
     * @throws IllegalArgumentException if the series cannot be modelled (too short, bad values)
     * @throws ArithmeticException if no candidate model could be fitted
     */
    ArimaModel autoFit(Series series, AutoArimaOptions options);

    /** Starts fitting {@code spec} to every series on all cores; each failure is reported in its own result. */
    BatchJob fitAll(List<Series> series, ArimaSpec spec, BatchListener listener);

    /** Starts automatic order selection and fitting of every series on all cores. */
    BatchJob autoFitAll(List<Series> series, AutoArimaOptions options, BatchListener listener);
}

/**
 * Forecasting: rolling window statistics and ARIMA models, for one series or millions.
 *
 * <p>A {@link dev.parallax.api.forecast.Forecaster} is the service Java applications call. Series come in as a
 * {@code double[]} or a {@link java.lang.foreign.MemorySegment} of float64 values, read in place (see
 * {@link dev.parallax.api.forecast.Series}). Rolling functions ({@link dev.parallax.api.forecast.RollingFunction})
 * cost O(n) whatever the window. ARIMA(p,d,q)(P,D,Q)s models ({@link dev.parallax.api.forecast.ArimaSpec}) are
 * fitted by conditional sum of squares, exact Gaussian maximum likelihood or both, as R's {@code arima} does, and
 * their orders can be chosen automatically ({@link dev.parallax.api.forecast.AutoArimaOptions}) as
 * Hyndman and Khandakar's {@code auto.arima} does. Batches of series are fitted on all cores, each series' failure
 * reported in its own {@link dev.parallax.api.forecast.SeriesResult}.
 *
 * <p>Invalid input is rejected with an {@link java.lang.IllegalArgumentException} whose message names the series,
 * the bad value and the rule; a fit that cannot be made (a non-stationary AR part, a likelihood that cannot be
 * evaluated) throws an {@link java.lang.ArithmeticException} worded the same way.
 *
 * <p>Version 1.0: held to semantic versioning by the build's baselining against the released API.
 */
@Export
@Version("1.0.0")
package dev.parallax.api.forecast;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

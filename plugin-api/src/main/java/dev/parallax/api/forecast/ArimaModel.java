package dev.parallax.api.forecast;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A fitted ARIMA model: immutable, safe to share between threads.
 *
 * <p>A provider type: only the forecast plugin implements it, so methods may be added in minor versions.
 */
@ProviderType
public interface ArimaModel {
    /** The name of the series it was fitted to. */
    String series();

    /** The model that was fitted, with the method actually used (CSS-ML becomes ML on a series with gaps). */
    ArimaSpec spec();

    /** The coefficients in R's order: ar, ma, sar, sma, intercept, drift. */
    List<Coefficient> coefficients();

    /** The innovations variance σ² (R's {@code sigma2}). */
    double sigma2();

    /** The Gaussian log-likelihood; for CSS fits the conditional one, as R reports it. */
    double logLikelihood();

    /** Akaike's information criterion; NaN for CSS fits, as in R. */
    double aic();

    /** AIC corrected for small samples, as {@code forecast::Arima} computes it; NaN for CSS fits. */
    double aicc();

    /** The Bayesian information criterion, as {@code forecast::Arima} computes it; NaN for CSS fits. */
    double bic();

    /** The number of observations the likelihood used: non-missing values less the ones lost to differencing. */
    int observationsUsed();

    /**
     * The residuals as R's {@code residuals()} gives them, one per observation: the standardised one-step
     * prediction errors of the Kalman filter for ML fits, the conditional residuals for CSS fits; NaN where the
     * value is missing.
     */
    double[] residuals();

    /**
     * Forecasts {@code horizon} steps ahead.
     *
     * @param horizon the number of steps, at least 1
     * @param levels the coverage of each prediction interval wanted, e.g. 0.8 and 0.95
     * @throws IllegalArgumentException if the horizon is below 1 or a level is not strictly between 0 and 1
     */
    Forecast forecast(int horizon, double... levels);
}

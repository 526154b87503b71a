package dev.parallax.api.forecast;

/** How ARIMA coefficients are estimated; the same choices, and the same default, as R's {@code arima}. */
public enum FitMethod {
    /** Conditional sum of squares: fast, conditions on the first observations; gives no AIC. */
    CSS,
    /** Exact Gaussian maximum likelihood, evaluated by a Kalman filter on the state-space form. */
    ML,
    /** CSS to find starting values, then exact ML; plain ML when the series has missing values. The default. */
    CSS_ML
}

package dev.parallax.api.forecast;

/** An information criterion that ranks candidate models: smaller is better. */
public enum Criterion {
    /** Akaike's information criterion, -2 log L + 2k. */
    AIC,
    /** AIC corrected for small samples, AIC + 2k(k+1)/(n-k-1); the default of {@code auto.arima}. */
    AICC,
    /** The Bayesian (Schwarz) criterion, -2 log L + k log n. */
    BIC
}

package dev.parallax.api.forecast;

/** What a NaN in a series means to model fitting. */
public enum Missing {
    /** Every value must be finite; a NaN or an infinity is an error that names its index. */
    NONE,
    /**
     * NaN marks a missing observation: the Kalman filter skips it when fitting by maximum likelihood (as R's
     * {@code arima} does), and CSS-ML then fits by ML alone. Infinities are still errors.
     */
    NAN
}

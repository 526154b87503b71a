package dev.parallax.api.forecast;

/**
 * An estimated coefficient.
 *
 * @param name R's name for it: {@code ar1}, {@code ma2}, {@code sar1}, {@code sma1}, {@code intercept} (the mean)
 *     or {@code drift}
 * @param estimate the estimate
 * @param standardError its standard error from the inverse Hessian of the log-likelihood (as R computes it); NaN
 *     when the Hessian is not positive definite there
 */
public record Coefficient(String name, double estimate, double standardError) {}

package dev.parallax.api.forecast;

/**
 * A Gaussian prediction interval, mean ± z·se.
 *
 * @param level the coverage, between 0 and 1 exclusive (0.95 for a 95% interval)
 * @param lower the lower bounds, one per step ahead
 * @param upper the upper bounds, one per step ahead
 */
public record PredictionInterval(double level, double[] lower, double[] upper) {}

package dev.parallax.api.forecast;

import java.util.List;

/**
 * Forecasts for the steps after the end of a series. The arrays belong to this record: do not change them.
 *
 * @param mean the point forecasts, one per step ahead
 * @param standardError the standard error of each forecast
 * @param intervals the prediction intervals asked for, in the order asked
 */
public record Forecast(double[] mean, double[] standardError, List<PredictionInterval> intervals) {

    /** Copies the list. */
    public Forecast {
        intervals = List.copyOf(intervals);
    }

    /** The number of steps ahead. */
    public int horizon() {
        return mean.length;
    }
}

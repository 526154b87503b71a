package dev.parallax.plugin.forecast.internal.element;

import dev.parallax.api.forecast.Forecast;

/**
 * The {@code forecast} element's output: a CSV table with a header row, {@code step,mean,se,lo80,hi80,lo95,hi95},
 * and one row per step ahead. Numbers are written as Java's shortest round-trip text, so reading them back gives the
 * service's doubles exactly.
 */
final class ForecastTable {
    /** The prediction intervals of the table: 80% and 95%. */
    static final double[] LEVELS = {0.8, 0.95};

    static final String HEADER = "step,mean,se,lo80,hi80,lo95,hi95";

    private ForecastTable() {}

    /** The table, its steps counted from {@code firstStep} (the series' length + 1: the time index going on). */
    static String csv(Forecast forecast, int firstStep) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (int h = 0; h < forecast.horizon(); h++) {
            text.append(firstStep + h)
                    .append(',')
                    .append(forecast.mean()[h])
                    .append(',')
                    .append(forecast.standardError()[h]);
            for (int i = 0; i < LEVELS.length; i++) {
                text.append(',')
                        .append(forecast.intervals().get(i).lower()[h])
                        .append(',')
                        .append(forecast.intervals().get(i).upper()[h]);
            }
            text.append('\n');
        }
        return text.toString();
    }
}

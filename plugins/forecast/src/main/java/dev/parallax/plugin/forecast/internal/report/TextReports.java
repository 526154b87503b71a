package dev.parallax.plugin.forecast.internal.report;

import dev.parallax.api.forecast.ArimaModel;
import dev.parallax.api.forecast.Coefficient;
import dev.parallax.api.forecast.Forecast;
import dev.parallax.api.forecast.PredictionInterval;
import java.util.List;
import java.util.Locale;

/** Fitted models and forecasts as text, laid out like R's {@code print.Arima} and {@code print.forecast}. */
final class TextReports {
    private TextReports() {}

    static String describe(ArimaModel model) {
        StringBuilder text = new StringBuilder();
        text.append("Series: ").append(model.series()).append('\n');
        text.append(model.spec().label()).append('\n');
        List<Coefficient> coefficients = model.coefficients();
        if (!coefficients.isEmpty()) {
            text.append("\nCoefficients:\n");
            int width = 10;
            for (Coefficient c : coefficients) {
                width = Math.max(width, c.name().length() + 2);
            }
            StringBuilder names = new StringBuilder("     ");
            StringBuilder estimates = new StringBuilder("     ");
            StringBuilder errors = new StringBuilder("s.e.");
            errors.append(' ');
            for (Coefficient c : coefficients) {
                names.append(pad(c.name(), width));
                estimates.append(pad(format("%.4f", c.estimate()), width));
                errors.append(pad(format("%.4f", c.standardError()), width));
            }
            text.append(names)
                    .append('\n')
                    .append(estimates)
                    .append('\n')
                    .append(errors)
                    .append('\n');
        }
        text.append('\n')
                .append("sigma^2 = ")
                .append(format("%.4g", model.sigma2()))
                .append(":  log likelihood = ")
                .append(format("%.2f", model.logLikelihood()))
                .append('\n');
        text.append("AIC=")
                .append(format("%.2f", model.aic()))
                .append("   AICc=")
                .append(format("%.2f", model.aicc()))
                .append("   BIC=")
                .append(format("%.2f", model.bic()))
                .append('\n');
        return text.toString();
    }

    static String table(Forecast forecast, int firstStep) {
        StringBuilder text = new StringBuilder();
        text.append(pad("step", 8)).append(pad("forecast", 14)).append(pad("s.e.", 14));
        for (PredictionInterval interval : forecast.intervals()) {
            String level = format("%g", 100 * interval.level()).replaceAll("\\.?0+$", "");
            text.append(pad("lo " + level, 14)).append(pad("hi " + level, 14));
        }
        text.append('\n');
        for (int h = 0; h < forecast.horizon(); h++) {
            text.append(pad(Integer.toString(firstStep + h), 8))
                    .append(pad(format("%.4f", forecast.mean()[h]), 14))
                    .append(pad(format("%.4f", forecast.standardError()[h]), 14));
            for (PredictionInterval interval : forecast.intervals()) {
                text.append(pad(format("%.4f", interval.lower()[h]), 14))
                        .append(pad(format("%.4f", interval.upper()[h]), 14));
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }

    private static String pad(String text, int width) {
        return " ".repeat(Math.max(1, width - text.length())) + text;
    }
}

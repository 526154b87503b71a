package dev.parallax.plugin.forecast.internal.element;

import dev.parallax.api.forecast.ArimaModel;
import dev.parallax.api.forecast.ArimaSpec;
import dev.parallax.api.forecast.AutoArimaOptions;
import dev.parallax.api.forecast.FitMethod;
import dev.parallax.api.forecast.Series;
import dev.parallax.api.pipeline.PropertyValues;
import dev.parallax.plugin.forecast.internal.arima.ArimaFitter;
import dev.parallax.plugin.forecast.internal.auto.AutoArima;

/**
 * The model the {@code forecast} element fits, read from its properties: a fixed ARIMA model, or the automatic
 * choice. Fitting goes through the same code as the {@code Forecaster} service's {@code fit} and {@code autoFit}.
 *
 * @param spec the model, or {@code null} to choose it automatically
 * @param period the seasonal period of the series for the automatic choice; 0 to take the input's
 * @param horizon the steps to forecast
 */
record ModelChoice(ArimaSpec spec, int period, int horizon) {
    static final String AUTO = "auto";
    static final String NONE = "none";

    /**
     * Reads the properties.
     *
     * @throws IllegalArgumentException naming the property, its value and the rule
     */
    static ModelChoice of(PropertyValues properties) {
        String order = properties.string("order").strip();
        String seasonal = properties.string("seasonal").strip();
        String method = properties.string("method");
        int period = properties.intValue("period");
        int horizon = properties.intValue("horizon");
        if (order.equals(AUTO)) {
            if (!seasonal.equals(NONE) || !method.equals("css-ml")) {
                throw new IllegalArgumentException("Element 'forecast' property 'order' is auto, which chooses the"
                        + " seasonal orders and the method itself: leave 'seasonal' and 'method' out, and give the"
                        + " seasonal period with 'period' if the input does not declare it");
            }
            return new ModelChoice(null, period, horizon);
        }
        int[] pdq = numbers("order", order, 3, "p,d,q", "1,1,1");
        ArimaSpec spec = ArimaSpec.of(pdq[0], pdq[1], pdq[2]).withMethod(method(method));
        if (!seasonal.equals(NONE)) {
            int[] s = numbers("seasonal", seasonal, 4, "P,D,Q,s", "0,1,1,12");
            if (s[3] < 2) {
                throw new IllegalArgumentException("Element 'forecast' property 'seasonal' value '" + seasonal
                        + "' has period " + s[3] + ": a seasonal period is 2 or more, e.g. 12 for monthly data");
            }
            spec = spec.withSeasonal(s[0], s[1], s[2], s[3]);
        }
        return new ModelChoice(spec, period, horizon);
    }

    /** Fits the model to {@code series}, exactly as {@code Forecaster.fit} or {@code Forecaster.autoFit} does. */
    ArimaModel fit(Series series) {
        return spec == null ? AutoArima.fit(series, AutoArimaOptions.defaults()) : ArimaFitter.fit(series, spec);
    }

    private static int[] numbers(String property, String text, int count, String names, String example) {
        String[] parts = text.split(",", -1);
        int[] out = new int[count];
        boolean ok = parts.length == count;
        for (int i = 0; ok && i < count; i++) {
            try {
                out[i] = Integer.parseInt(parts[i].strip());
                ok = out[i] >= 0 && (out[i] <= ArimaSpec.MAX_ORDER || i == 3);
            } catch (NumberFormatException e) {
                ok = false;
            }
        }
        if (!ok) {
            throw new IllegalArgumentException("Element 'forecast' property '" + property + "' value '" + text
                    + "' is not " + names + ": " + count + " whole numbers separated by commas, orders from 0 to "
                    + ArimaSpec.MAX_ORDER + ", e.g. " + example
                    + (property.equals("order") ? ", or auto" : ", or none"));
        }
        return out;
    }

    private static FitMethod method(String text) {
        return switch (text) {
            case "ml" -> FitMethod.ML;
            case "css" -> FitMethod.CSS;
            default -> FitMethod.CSS_ML;
        };
    }
}

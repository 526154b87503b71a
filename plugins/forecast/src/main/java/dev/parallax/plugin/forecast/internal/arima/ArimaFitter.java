package dev.parallax.plugin.forecast.internal.arima;

import dev.parallax.api.forecast.ArimaModel;
import dev.parallax.api.forecast.ArimaSpec;
import dev.parallax.api.forecast.Coefficient;
import dev.parallax.api.forecast.Missing;
import dev.parallax.api.forecast.Series;
import java.util.List;

/**
 * Fits ARIMA models the way R's {@code stats::arima} does (see {@link ArimaEstimation}); AICc and BIC follow
 * {@code forecast::Arima}. Checks the input first: values against the series' missing-value policy, length
 * against the model.
 *
 * <p>Differences from R: a model with both a mean and a drift is fitted on the original regressors, not on R's
 * SVD-rotated ones (the optimum is the same; the path may differ slightly).
 */
public final class ArimaFitter {
    private ArimaFitter() {}

    /** Fits {@code spec} to {@code series}. */
    public static ArimaModel fit(Series series, ArimaSpec spec) {
        return fit(series.name(), values(series), spec);
    }

    /** The series' values, checked against its missing-value policy. */
    public static double[] values(Series series) {
        double[] x = series.toArray();
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            if (Double.isNaN(v) && series.missing() == Missing.NAN) {
                continue;
            }
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("Series '" + series.name() + "' has value " + v + " at index " + i
                        + ": values must be finite"
                        + (Double.isNaN(v) ? " (declare Missing.NAN to treat NaN as a missing value)" : ""));
            }
        }
        return x;
    }

    /** The fewest values a series needs for {@code spec}: its differencing plus twice its coefficient count. */
    public static int minimumLength(ArimaSpec spec) {
        int k = spec.p() + spec.q() + spec.seasonalP() + spec.seasonalQ();
        k += (spec.hasMean() ? 1 : 0) + (spec.hasDrift() ? 1 : 0);
        int lost = spec.d() + spec.seasonalD() * spec.period();
        int conditioning = spec.p() + spec.seasonalP() * spec.period() + 1;
        return lost + Math.max(Math.max(2 * k, conditioning), 2);
    }

    /**
     * The model of a constant series, as {@code auto.arima} returns it: ARIMA(0,0,0) with the value as a fixed
     * mean, sigma2 0 and so an infinite log-likelihood.
     */
    public static ArimaModel constant(String name, double[] x, double value) {
        ArimaSpec spec = ArimaSpec.of(0, 0, 0);
        StateSpace model = StateSpace.of(new double[0], new double[0], new double[0]);
        double[] centred = x.clone();
        for (int t = 0; t < centred.length; t++) {
            centred[t] -= value;
        }
        double[] resid = new double[x.length];
        model.filter(centred, resid);
        int used = 0;
        for (double v : x) {
            used += Double.isNaN(v) ? 0 : 1;
        }
        double inf = Double.POSITIVE_INFINITY;
        return new FittedArima(
                name,
                spec,
                List.of(new Coefficient("intercept", value, Double.NaN)),
                new double[] {0, inf, -inf, -inf, -inf},
                used,
                resid,
                model,
                new double[] {value, 0},
                x.length);
    }

    /** Fits {@code spec} to the checked values {@code x} of the series called {@code name}. */
    public static ArimaModel fit(String name, double[] x, ArimaSpec spec) {
        int n = x.length;
        int valid = 0;
        for (double v : x) {
            valid += Double.isNaN(v) ? 0 : 1;
        }
        int needed = minimumLength(spec);
        if (valid < needed) {
            throw new IllegalArgumentException("Series '" + name + "' has " + valid
                    + (valid == n ? "" : " non-missing") + " points, too short for " + spec.label()
                    + ": needs at least " + needed);
        }
        double[] w = Orders.of(spec).difference(x);
        double first = Double.NaN;
        boolean constant = true;
        for (double v : w) {
            if (!Double.isNaN(v)) {
                first = Double.isNaN(first) ? v : first;
                constant &= v == first;
            }
        }
        if (constant && (spec.hasMean() || spec.hasDrift() || w.length < x.length || first == 0)) {
            throw new IllegalArgumentException("Series '" + name + "' leaves no variation for " + spec.label()
                    + ": after " + spec.d() + " differences and " + spec.seasonalD()
                    + " seasonal differences every value is " + first + ", so the innovations variance is 0");
        }
        try {
            return new ArimaEstimation(name, x, spec).run();
        } catch (ArithmeticException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("Series '")) {
                throw e;
            }
            throw new ArithmeticException(
                    "Series '" + name + "' cannot be fitted by " + spec.label() + ": " + e.getMessage());
        }
    }
}

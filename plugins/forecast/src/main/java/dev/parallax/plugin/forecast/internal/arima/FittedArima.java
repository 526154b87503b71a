package dev.parallax.plugin.forecast.internal.arima;

import dev.parallax.api.forecast.ArimaModel;
import dev.parallax.api.forecast.ArimaSpec;
import dev.parallax.api.forecast.Coefficient;
import dev.parallax.api.forecast.Forecast;
import dev.parallax.api.forecast.PredictionInterval;
import java.util.ArrayList;
import java.util.List;

/** A fitted model: its statistics and the filtered state forecasts start from. Immutable once built. */
public final class FittedArima implements ArimaModel {
    private final String series;
    private final ArimaSpec spec;
    private final List<Coefficient> coefficients;
    private final double sigma2;
    private final double logLikelihood;
    private final double aic;
    private final double aicc;
    private final double bic;
    private final int observationsUsed;
    private final double[] residuals;
    private final StateSpace state;
    private final double intercept;
    private final double drift;
    private final int length;

    FittedArima(
            String series,
            ArimaSpec spec,
            List<Coefficient> coefficients,
            double[] stats,
            int observationsUsed,
            double[] residuals,
            StateSpace state,
            double[] regression,
            int length) {
        this.series = series;
        this.spec = spec;
        this.coefficients = List.copyOf(coefficients);
        this.sigma2 = stats[0];
        this.logLikelihood = stats[1];
        this.aic = stats[2];
        this.aicc = stats[3];
        this.bic = stats[4];
        this.observationsUsed = observationsUsed;
        this.residuals = residuals;
        this.state = state;
        this.intercept = regression[0];
        this.drift = regression[1];
        this.length = length;
    }

    @Override
    public String series() {
        return series;
    }

    @Override
    public ArimaSpec spec() {
        return spec;
    }

    @Override
    public List<Coefficient> coefficients() {
        return coefficients;
    }

    @Override
    public double sigma2() {
        return sigma2;
    }

    @Override
    public double logLikelihood() {
        return logLikelihood;
    }

    @Override
    public double aic() {
        return aic;
    }

    @Override
    public double aicc() {
        return aicc;
    }

    @Override
    public double bic() {
        return bic;
    }

    @Override
    public int observationsUsed() {
        return observationsUsed;
    }

    @Override
    public double[] residuals() {
        return residuals.clone();
    }

    /** The expanded AR polynomial (R's {@code model$phi}). */
    public double[] phi() {
        return state.phi.clone();
    }

    /** The expanded MA polynomial (R's {@code model$theta}). */
    public double[] theta() {
        return state.theta.clone();
    }

    @Override
    public Forecast forecast(int horizon, double... levels) {
        if (horizon < 1) {
            throw new IllegalArgumentException("Forecast horizon is " + horizon + ": it must be at least 1 step");
        }
        for (double level : levels) {
            if (!(level > 0 && level < 1)) {
                throw new IllegalArgumentException(
                        "Prediction interval level is " + level + ": it must be strictly between 0 and 1, e.g. 0.95");
            }
        }
        double[][] raw = state.forecast(horizon);
        double[] mean = raw[0];
        double[] se = raw[1];
        for (int l = 0; l < horizon; l++) {
            mean[l] += intercept + drift * (length + l + 1);
            se[l] = Math.sqrt(se[l] * sigma2);
        }
        List<PredictionInterval> intervals = new ArrayList<>();
        for (double level : levels) {
            double z = Normal.quantile(0.5 + level / 2);
            double[] lower = new double[horizon];
            double[] upper = new double[horizon];
            for (int l = 0; l < horizon; l++) {
                lower[l] = mean[l] - z * se[l];
                upper[l] = mean[l] + z * se[l];
            }
            intervals.add(new PredictionInterval(level, lower, upper));
        }
        return new Forecast(mean, se, intervals);
    }

    @Override
    public String toString() {
        return "Series '" + series + "': " + spec.label() + ", log-likelihood " + logLikelihood;
    }
}

package dev.parallax.plugin.forecast.internal.auto;

import dev.parallax.api.forecast.ArimaModel;
import dev.parallax.api.forecast.ArimaSpec;
import dev.parallax.api.forecast.AutoArimaOptions;
import dev.parallax.api.forecast.Criterion;
import dev.parallax.api.forecast.FitMethod;
import dev.parallax.api.forecast.Series;
import dev.parallax.plugin.forecast.internal.arima.ArimaFitter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Hyndman and Khandakar's stepwise order selection, following {@code forecast::auto.arima} (forecast 8.20) with
 * {@code stepwise = TRUE}: d by KPSS tests, D by seasonal strength, a start from ARIMA(2,d,2)(1,D,1) and the
 * three other starting models, then moves of one order at a time (and of p and q together, P and Q together, and
 * of the constant) while a move lowers the criterion.
 */
public final class AutoArima {
    private final String name;
    private final double[] x;
    private final int serieslength;
    private final int period;
    private final Criterion criterion;
    private final List<Candidate> results = new ArrayList<>();
    private int d;
    private int sd;
    private boolean approximation;
    private double offset;

    /** A model tried by the search and its criterion (+inf when it could not be fitted or was rejected). */
    private record Candidate(int p, int q, int sp, int sq, boolean constant, double ic, ArimaModel model) {}

    private AutoArima(String name, double[] x, int serieslength, int period, Criterion criterion) {
        this.name = name;
        this.x = x;
        this.serieslength = serieslength;
        this.period = period;
        this.criterion = criterion;
    }

    /** Chooses the orders for {@code series} and returns the best model fitted by CSS-ML. */
    public static ArimaModel fit(Series series, AutoArimaOptions options) {
        double[] all = ArimaFitter.values(series);
        int first = 0;
        while (first < all.length && Double.isNaN(all[first])) {
            first++;
        }
        if (first == all.length) {
            throw new IllegalArgumentException(
                    "Series '" + series.name() + "' has no values: every one of its " + all.length + " is missing");
        }
        double[] x = Arrays.copyOfRange(all, first, all.length);
        double[] present = Differencing.withoutMissing(x);
        if (Differencing.isConstant(present)) {
            return ArimaFitter.constant(series.name(), x, present[0]);
        }
        int m = Math.max(1, series.period());
        Criterion criterion = present.length <= 3 ? Criterion.AIC : options.criterion();
        return new AutoArima(series.name(), x, present.length, m, criterion).search(options);
    }

    private ArimaModel search(AutoArimaOptions o) {
        int m = period;
        int maxP = Math.min(o.maxP(), serieslength / 3);
        int maxQ = Math.min(o.maxQ(), serieslength / 3);
        int maxSP = Math.min(o.maxSeasonalP(), serieslength / 3 / m);
        int maxSQ = Math.min(o.maxSeasonalQ(), serieslength / 3 / m);
        if (m == 1) {
            sd = 0;
            maxSP = 0;
            maxSQ = 0;
        } else if (o.seasonalD() >= 0) {
            sd = o.seasonalD();
        } else if (x.length <= 2 * m) {
            sd = 0;
        } else {
            sd = Differencing.nsdiffs(x, m, o.maxSeasonalD());
            if (sd > 0 && allMissing(differenced(x, m, sd))) {
                sd--;
            }
        }
        double[] dx = differenced(x, m, sd);
        if (o.d() >= 0) {
            d = o.d();
        } else {
            d = Differencing.ndiffs(dx, o.maxD());
            if (d > 0 && allMissing(differenced(dx, 1, d))) {
                d--;
            }
        }
        dx = differenced(dx, 1, d);
        if (dx.length == 0) {
            throw new IllegalArgumentException("Series '" + name + "' has " + x.length + " values, too few for " + d
                    + " differences and " + sd + " seasonal differences of period " + m);
        }
        if (Differencing.isConstant(Differencing.withoutMissing(dx))) {
            throw new ArithmeticException("Series '" + name + "' is deterministic after " + d + " differences and " + sd
                    + " seasonal differences: there is no noise for an ARIMA model to describe");
        }
        if (m > 1) {
            maxP = maxSP > 0 ? Math.min(maxP, m - 1) : maxP;
            maxQ = maxSQ > 0 ? Math.min(maxQ, m - 1) : maxQ;
        }
        approximation = switch (o.approximation()) {
            case AUTO -> x.length > 150 || m > 12;
            case ALWAYS -> true;
            case NEVER -> false;
        };
        offset = approximation ? offset() : 0;
        boolean allowDrift = o.allowDrift() && d + sd == 1;
        boolean allowMean = o.allowMean() && d + sd == 0;
        boolean constant = allowDrift || allowMean;
        Stepwise walk = new Stepwise(this, maxP, maxQ, maxSP, maxSQ, constant, allowDrift || allowMean);
        walk.start(x.length < 10);
        walk.run(o.maxModels());
        Candidate best = approximation ? refit() : best();
        if (best == null || best.ic() == Double.POSITIVE_INFINITY) {
            throw new ArithmeticException("Series '" + name + "': no suitable ARIMA model found among the "
                    + results.size() + " tried with d=" + d + ", D=" + sd);
        }
        return best.model();
    }

    private double offset() {
        try {
            ArimaSpec spec = spec(0, 0, 0, 0, true, FitMethod.CSS_ML);
            spec = spec.withDrift(false);
            ArimaModel fit = ArimaFitter.fit(name, x, spec);
            return -2 * fit.logLikelihood() - serieslength * Math.log(fit.sigma2());
        } catch (IllegalArgumentException | ArithmeticException e) {
            return 0;
        }
    }

    private Candidate refit() {
        List<Candidate> order = new ArrayList<>(results);
        order.sort(Comparator.comparingDouble(Candidate::ic));
        for (Candidate c : order) {
            Candidate full = candidate(c.p(), c.q(), c.sp(), c.sq(), c.constant(), false);
            if (full.ic() < Double.POSITIVE_INFINITY) {
                return full;
            }
        }
        return null;
    }

    private ArimaSpec spec(int p, int q, int sp, int sq, boolean constant, FitMethod method) {
        boolean seasonal = sp + sd + sq > 0;
        return new ArimaSpec(
                p,
                d,
                q,
                seasonal ? sp : 0,
                seasonal ? sd : 0,
                seasonal ? sq : 0,
                seasonal ? period : 1,
                constant,
                constant && d + sd == 1,
                method);
    }

    /** Whether a model with these orders was tried already. */
    boolean tried(int p, int q, int sp, int sq, boolean constant) {
        for (Candidate c : results) {
            if (c.p() == p && c.q() == q && c.sp() == sp && c.sq() == sq && c.constant() == constant) {
                return true;
            }
        }
        return false;
    }

    /** Fits a model of the search (R's {@code myarima}) and records it; returns its criterion. */
    double tryModel(int p, int q, int sp, int sq, boolean constant) {
        Candidate c = candidate(p, q, sp, sq, constant, approximation);
        results.add(c);
        return c.ic();
    }

    /** The best model recorded so far. */
    Candidate best() {
        Candidate best = null;
        for (Candidate c : results) {
            if (best == null || c.ic() < best.ic()) {
                best = c;
            }
        }
        return best;
    }

    private Candidate candidate(int p, int q, int sp, int sq, boolean constant, boolean css) {
        double inf = Double.POSITIVE_INFINITY;
        ArimaModel fit;
        try {
            fit = ArimaFitter.fit(name, x, spec(p, q, sp, sq, constant, css ? FitMethod.CSS : FitMethod.CSS_ML));
        } catch (IllegalArgumentException | ArithmeticException e) {
            return new Candidate(p, q, sp, sq, constant, inf, null);
        }
        int nstar = serieslength - d - sd * period;
        int npar = fit.coefficients().size() + 1;
        double aic = css ? offset + nstar * Math.log(fit.sigma2()) + 2 * npar : fit.aic();
        double ic = switch (criterion) {
            case AIC -> aic;
            case AICC -> aic + 2.0 * npar * (npar + 1) / (nstar - npar - 1);
            case BIC -> aic + npar * (Math.log(nstar) - 2);
        };
        if (Double.isNaN(ic)
                || Roots.tooClose(fit)
                || fit.coefficients().stream().anyMatch(k -> Double.isNaN(k.standardError()))) {
            ic = inf;
        }
        return new Candidate(p, q, sp, sq, constant, ic, fit);
    }

    private static double[] differenced(double[] x, int lag, int times) {
        double[] out = x;
        for (int i = 0; i < times; i++) {
            out = Differencing.difference(out, lag);
        }
        return out;
    }

    private static boolean allMissing(double[] x) {
        return Arrays.stream(x).allMatch(Double::isNaN);
    }
}

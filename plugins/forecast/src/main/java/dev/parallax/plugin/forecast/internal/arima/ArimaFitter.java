package dev.parallax.plugin.forecast.internal.arima;

import dev.parallax.api.forecast.ArimaModel;
import dev.parallax.api.forecast.ArimaSpec;
import dev.parallax.api.forecast.Coefficient;
import dev.parallax.api.forecast.FitMethod;
import dev.parallax.api.forecast.Missing;
import dev.parallax.api.forecast.Series;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits ARIMA models the way R's {@code stats::arima} does, step for step: regression starting values and scales
 * from {@code lm} on the differenced series, CSS by BFGS, then exact ML by BFGS on the PACF-transformed AR
 * coefficients, MA roots reflected to be invertible, standard errors from the finite-difference Hessian, and a
 * final Kalman filter pass for sigma2, residuals and the state that forecasts start from. AICc and BIC follow
 * {@code forecast::Arima}.
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
        return new Fit(name, x, spec).run();
    }

    /** One fit's working state. */
    private static final class Fit {
        final String name;
        final double[] x;
        final ArimaSpec spec;
        final Orders o;
        final double[] delta;
        final int narma;
        final double[][] xreg;
        final List<String> names = new ArrayList<>();
        int ncond;
        int nUsed;

        Fit(String name, double[] x, ArimaSpec spec) {
            this.name = name;
            this.x = x;
            this.spec = spec;
            this.o = Orders.of(spec);
            this.delta = o.delta();
            this.narma = o.narma();
            List<double[]> columns = new ArrayList<>();
            if (spec.hasMean()) {
                double[] ones = new double[x.length];
                java.util.Arrays.fill(ones, 1);
                columns.add(ones);
            }
            if (spec.hasDrift()) {
                double[] time = new double[x.length];
                for (int t = 0; t < x.length; t++) {
                    time[t] = t + 1;
                }
                columns.add(time);
            }
            this.xreg = columns.toArray(new double[0][]);
            for (int i = 1; i <= o.p(); i++) {
                names.add("ar" + i);
            }
            for (int i = 1; i <= o.q(); i++) {
                names.add("ma" + i);
            }
            for (int i = 1; i <= o.sp(); i++) {
                names.add("sar" + i);
            }
            for (int i = 1; i <= o.sq(); i++) {
                names.add("sma" + i);
            }
            if (spec.hasMean()) {
                names.add("intercept");
            }
            if (spec.hasDrift()) {
                names.add("drift");
            }
        }

        ArimaModel run() {
            FitMethod method = spec.method();
            boolean anyMissing = false;
            int valid = 0;
            for (double v : x) {
                anyMissing |= Double.isNaN(v);
                valid += Double.isNaN(v) ? 0 : 1;
            }
            if (method == FitMethod.CSS_ML && anyMissing) {
                method = FitMethod.ML;
            }
            ncond = method == FitMethod.ML ? 0 : o.d() + o.sd() * o.period() + o.p() + o.period() * o.sp();
            nUsed = valid - delta.length;
            int ncx = xreg.length;
            double[] init = new double[narma + ncx];
            double[] parscale = new double[narma + ncx];
            java.util.Arrays.fill(parscale, 1);
            if (ncx > 0) {
                double[][] lm = regressionStart();
                for (int i = 0; i < ncx; i++) {
                    init[narma + i] = lm[0][i];
                    parscale[narma + i] = 10 * lm[1][i];
                    if (!(parscale[narma + i] > 0)) {
                        parscale[narma + i] = 1;
                    }
                }
            }
            return method == FitMethod.CSS ? css(init, parscale) : ml(method, init, parscale);
        }

        /** R's lm of the differenced series on the differenced regressors, for starting values and scales. */
        private double[][] regressionStart() {
            double[] dx = difference(x);
            double[][] dxreg = new double[xreg.length][];
            for (int i = 0; i < xreg.length; i++) {
                dxreg[i] = difference(xreg[i]);
            }
            double[][] lm = dx.length > xreg.length ? Matrices.leastSquares(dxreg, dx) : null;
            if (lm == null) {
                lm = Matrices.leastSquares(xreg, x);
            }
            if (lm == null) {
                throw new IllegalArgumentException("Series '" + name + "' leaves the mean/drift of " + spec.label()
                        + " undetermined: the regressors are collinear on the non-missing values");
            }
            return lm;
        }

        private double[] difference(double[] v) {
            double[] w = v.clone();
            int len = w.length;
            for (int i = 0; i < o.d(); i++) {
                for (int l = 0; l < len - 1; l++) {
                    w[l] = w[l + 1] - w[l];
                }
                len--;
            }
            for (int i = 0; i < o.sd(); i++) {
                for (int l = 0; l < len - o.period(); l++) {
                    w[l] = w[l + o.period()] - w[l];
                }
                len -= o.period();
            }
            return java.util.Arrays.copyOf(w, Math.max(len, 0));
        }

        private double[] adjusted(double[] par) {
            if (xreg.length == 0) {
                return x;
            }
            double[] y = x.clone();
            for (int i = 0; i < xreg.length; i++) {
                double beta = par[narma + i];
                for (int t = 0; t < y.length; t++) {
                    y[t] -= xreg[i][t] * beta;
                }
            }
            return y;
        }

        private double cssObjective(double[] par) {
            double[][] poly = Transforms.expand(par, o, false);
            double s2 = Css.meanSquare(adjusted(par), o, poly[0], poly[1], ncond, null);
            return 0.5 * Math.log(s2);
        }

        private double mlObjective(double[] par, boolean transform) {
            double[][] poly = Transforms.expand(par, o, transform);
            StateSpace model = StateSpace.of(poly[0], poly[1], delta);
            if (model == null) {
                return Double.MAX_VALUE;
            }
            double[] res = model.filter(adjusted(par), null);
            double s2 = res[0] / res[2];
            return 0.5 * (Math.log(s2) + res[1] / res[2]);
        }

        private ArimaModel css(double[] init, double[] parscale) {
            Bfgs optimiser = new Bfgs(this::cssObjective, parscale);
            Bfgs.Result res = optimiser.minimise(init, Bfgs.MAX_ITERATIONS);
            double[] coef = res.par();
            double[][] var = covariance(optimiser.hessian(coef), null);
            double[][] poly = Transforms.expand(coef, o, false);
            checkRoots(poly, "CSS");
            StateSpace model = stateOrFail(poly);
            double[] y = adjusted(coef);
            model.filter(y, null);
            double[] resid = new double[x.length];
            double sigma2 = Css.meanSquare(y, o, poly[0], poly[1], ncond, resid);
            return build(FitMethod.CSS, coef, var, sigma2, res.value(), resid, model);
        }

        private ArimaModel ml(FitMethod method, double[] init, double[] parscale) {
            if (method == FitMethod.CSS_ML) {
                Bfgs.Result res = new Bfgs(this::cssObjective, parscale).minimise(init, Bfgs.MAX_ITERATIONS);
                if (res.converged()) {
                    init = res.par();
                }
                double[] ar = java.util.Arrays.copyOfRange(init, 0, o.p());
                double[] sar = java.util.Arrays.copyOfRange(init, o.p() + o.q(), o.p() + o.q() + o.sp());
                if (!Polynomials.arStationary(ar) || !Polynomials.arStationary(sar)) {
                    throw new ArithmeticException("Series '" + name + "' gives " + spec.label()
                            + " a non-stationary " + (Polynomials.arStationary(ar) ? "seasonal " : "")
                            + "AR part from CSS: an AR root lies on or inside the unit circle; fit by ML or"
                            + " difference the series");
                }
                ncond = 0;
            }
            init = Transforms.inverse(init, o);
            invertMa(init);
            Bfgs optimiser = new Bfgs(par -> mlObjective(par, true), parscale);
            Bfgs.Result res = optimiser.minimise(init, Bfgs.MAX_ITERATIONS);
            double[] coef = res.par().clone();
            invertMa(coef);
            double value = res.value();
            if (!java.util.Arrays.equals(coef, res.par())) {
                value = mlObjective(coef, true);
            }
            double[][] hessian = optimiser.hessian(coef);
            double[][] var = covariance(hessian, Transforms.gradient(coef, o));
            coef = Transforms.undo(coef, o);
            double[][] poly = Transforms.expand(coef, o, false);
            StateSpace model = stateOrFail(poly);
            double[] resid = new double[x.length];
            double[] val = model.filter(adjusted(coef), resid);
            return build(method, coef, var, val[0] / nUsed, value, resid, model);
        }

        private void invertMa(double[] coef) {
            if (o.q() > 0) {
                double[] ma = Polynomials.maInvert(java.util.Arrays.copyOfRange(coef, o.p(), o.p() + o.q()));
                System.arraycopy(ma, 0, coef, o.p(), o.q());
            }
            if (o.sq() > 0) {
                int from = o.p() + o.q() + o.sp();
                double[] sma = Polynomials.maInvert(java.util.Arrays.copyOfRange(coef, from, from + o.sq()));
                System.arraycopy(sma, 0, coef, from, o.sq());
            }
        }

        private void checkRoots(double[][] poly, String how) {
            double[] ar = new double[poly[0].length + 1];
            ar[0] = 1;
            for (int i = 0; i < poly[0].length; i++) {
                ar[i + 1] = -poly[0][i];
            }
            if (Polynomials.minRootModulus(ar) <= 1) {
                throw new ArithmeticException("Series '" + name + "' gives " + spec.label() + " a non-stationary AR"
                        + " part by " + how + ": an AR root lies on or inside the unit circle; fit by ML or"
                        + " difference the series");
            }
            double[] ma = new double[poly[1].length + 1];
            ma[0] = 1;
            System.arraycopy(poly[1], 0, ma, 1, poly[1].length);
            if (Polynomials.minRootModulus(ma) < 1) {
                throw new ArithmeticException("Series '" + name + "' gives " + spec.label() + " a non-invertible MA"
                        + " part by " + how + ": an MA root lies inside the unit circle; fit by ML, which inverts"
                        + " it");
            }
        }

        private StateSpace stateOrFail(double[][] poly) {
            StateSpace model = StateSpace.of(poly[0], poly[1], delta);
            if (model == null) {
                throw new ArithmeticException("Series '" + name + "' gives " + spec.label()
                        + " a non-stationary AR part: an AR root lies on or inside the unit circle");
            }
            return model;
        }

        /** R's var.coef: solve(H n.used), or A' solve(H n.used) A after a transformed fit. */
        private double[][] covariance(double[][] hessian, double[][] jacobian) {
            int k = hessian.length;
            double[][] scaled = new double[k][k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    scaled[i][j] = hessian[i][j] * nUsed;
                }
            }
            double[][] inv = Matrices.inverse(scaled);
            if (inv == null || jacobian == null) {
                return inv;
            }
            double[][] out = new double[k][k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    double s = 0;
                    for (int a = 0; a < k; a++) {
                        for (int b = 0; b < k; b++) {
                            s += jacobian[a][i] * inv[a][b] * jacobian[b][j];
                        }
                    }
                    out[i][j] = s;
                }
            }
            return out;
        }

        private ArimaModel build(
                FitMethod method,
                double[] coef,
                double[][] var,
                double sigma2,
                double value,
                double[] resid,
                StateSpace model) {
            List<Coefficient> coefficients = new ArrayList<>();
            for (int i = 0; i < coef.length; i++) {
                double se = var == null ? Double.NaN : Math.sqrt(var[i][i]);
                coefficients.add(new Coefficient(names.get(i), coef[i], se));
            }
            double twiceNegLogLik = 2 * nUsed * value + nUsed + nUsed * Math.log(2 * Math.PI);
            int npar = coef.length + 1;
            int nstar = spanCount() - o.d() - o.sd() * o.period();
            double aic = method == FitMethod.CSS ? Double.NaN : twiceNegLogLik + 2 * coef.length + 2;
            double aicc = aic + 2.0 * npar * (npar + 1) / (nstar - npar - 1);
            double bic = aic + npar * (Math.log(nstar) - 2);
            double[] regression = new double[2];
            int at = narma;
            if (spec.hasMean()) {
                regression[0] = coef[at++];
            }
            if (spec.hasDrift()) {
                regression[1] = coef[at];
            }
            double[] stats = {sigma2, -0.5 * twiceNegLogLik, aic, aicc, bic};
            return new FittedArima(
                    name, spec.withMethod(method), coefficients, stats, nUsed, resid, model, regression, x.length);
        }

        /** The number of non-missing values between the first and the last non-missing one. */
        private int spanCount() {
            int count = 0;
            for (double v : x) {
                count += Double.isNaN(v) ? 0 : 1;
            }
            return count;
        }
    }
}

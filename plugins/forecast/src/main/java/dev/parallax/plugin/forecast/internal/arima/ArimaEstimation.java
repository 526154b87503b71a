package dev.parallax.plugin.forecast.internal.arima;

import dev.parallax.api.forecast.ArimaModel;
import dev.parallax.api.forecast.ArimaSpec;
import dev.parallax.api.forecast.FitMethod;
import java.util.ArrayList;
import java.util.List;

/**
 * One fit, step for step as R's {@code stats::arima}: regression starting values and scales from {@code lm} on
 * the differenced series, CSS by BFGS, then exact ML by BFGS on the PACF-transformed AR coefficients polished by Newton steps, MA roots
 * reflected to be invertible, standard errors from the finite-difference Hessian, and a final Kalman filter pass
 * for sigma2, residuals and the state that forecasts start from.
 */
final class ArimaEstimation {
    final String name;
    final double[] x;
    final ArimaSpec spec;
    final Orders o;
    final double[] delta;
    final int narma;
    final double[][] xreg;
    final List<String> names = new ArrayList<>();
    /** The series differenced as {@link Css} does it, when there are no regressors (else null). */
    private final double[] differenced;
    /** Scratch for the conditional residuals of each CSS evaluation. */
    private final double[] cssResiduals;

    int ncond;
    int nUsed;

    ArimaEstimation(String name, double[] x, ArimaSpec spec) {
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
        this.differenced = xreg.length == 0 ? Css.difference(x, o) : null;
        this.cssResiduals = new double[x.length];
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
        double[] dx = o.difference(x);
        double[][] dxreg = new double[xreg.length][];
        for (int i = 0; i < xreg.length; i++) {
            dxreg[i] = o.difference(xreg[i]);
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
        // Without regressors the series to difference is the same at every evaluation: difference it once.
        double[] w = xreg.length == 0 ? differenced : Css.difference(adjusted(par), o);
        double s2 = Css.meanSquareOfDifferenced(w, poly[0], poly[1], ncond, cssResiduals);
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
        double[][] var = FitSummary.covariance(optimiser.hessian(coef), null, nUsed);
        double[][] poly = Transforms.expand(coef, o, false);
        FitSummary.checkRoots(this, poly, "CSS");
        StateSpace model = FitSummary.stateOrFail(this, poly);
        double[] y = adjusted(coef);
        model.filter(y, null);
        double[] resid = new double[x.length];
        double sigma2 = Css.meanSquare(y, o, poly[0], poly[1], ncond, resid);
        return FitSummary.build(this, FitMethod.CSS, coef, var, sigma2, res.value(), resid, model);
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
        Bfgs.Result res = new NewtonPolish(par -> mlObjective(par, true), parscale)
                .polish(optimiser.minimise(init, Bfgs.MAX_ITERATIONS));
        double[] coef = res.par().clone();
        invertMa(coef);
        double value = res.value();
        if (!java.util.Arrays.equals(coef, res.par())) {
            value = mlObjective(coef, true);
        }
        double[][] hessian = optimiser.hessian(coef);
        double[][] var = FitSummary.covariance(hessian, Transforms.gradient(coef, o), nUsed);
        coef = Transforms.undo(coef, o);
        double[][] poly = Transforms.expand(coef, o, false);
        StateSpace model = FitSummary.stateOrFail(this, poly);
        double[] resid = new double[x.length];
        double[] val = model.filter(adjusted(coef), resid);
        return FitSummary.build(this, method, coef, var, val[0] / nUsed, value, resid, model);
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
}

package dev.parallax.plugin.forecast.internal.arima;

import dev.parallax.api.forecast.ArimaModel;
import dev.parallax.api.forecast.Coefficient;
import dev.parallax.api.forecast.FitMethod;
import java.util.ArrayList;
import java.util.List;

/** The end of a fit: root checks, R's coefficient covariance, and the statistics of the fitted model. */
final class FitSummary {
    private FitSummary() {}

    static void checkRoots(ArimaEstimation e, double[][] poly, String how) {
        double[] ar = new double[poly[0].length + 1];
        ar[0] = 1;
        for (int i = 0; i < poly[0].length; i++) {
            ar[i + 1] = -poly[0][i];
        }
        if (Polynomials.minRootModulus(ar) <= 1) {
            throw new ArithmeticException("Series '" + e.name + "' gives " + e.spec.label() + " a non-stationary AR"
                    + " part by " + how + ": an AR root lies on or inside the unit circle; fit by ML or"
                    + " difference the series");
        }
        double[] ma = new double[poly[1].length + 1];
        ma[0] = 1;
        System.arraycopy(poly[1], 0, ma, 1, poly[1].length);
        if (Polynomials.minRootModulus(ma) < 1) {
            throw new ArithmeticException("Series '" + e.name + "' gives " + e.spec.label() + " a non-invertible MA"
                    + " part by " + how + ": an MA root lies inside the unit circle; fit by ML, which inverts"
                    + " it");
        }
    }

    static StateSpace stateOrFail(ArimaEstimation e, double[][] poly) {
        StateSpace model = StateSpace.of(poly[0], poly[1], e.delta);
        if (model == null) {
            throw new ArithmeticException("Series '" + e.name + "' gives " + e.spec.label()
                    + " a non-stationary AR part: an AR root lies on or inside the unit circle");
        }
        return model;
    }

    /** R's var.coef: solve(H n.used), or A' solve(H n.used) A after a transformed fit. */
    static double[][] covariance(double[][] hessian, double[][] jacobian, int nUsed) {
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

    static ArimaModel build(
            ArimaEstimation e,
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
            coefficients.add(new Coefficient(e.names.get(i), coef[i], se));
        }
        double twiceNegLogLik = 2 * e.nUsed * value + e.nUsed + e.nUsed * Math.log(2 * Math.PI);
        int npar = coef.length + 1;
        int nstar = spanCount(e.x) - e.o.d() - e.o.sd() * e.o.period();
        double aic = method == FitMethod.CSS ? Double.NaN : twiceNegLogLik + 2 * coef.length + 2;
        double aicc = aic + 2.0 * npar * (npar + 1) / (nstar - npar - 1);
        double bic = aic + npar * (Math.log(nstar) - 2);
        double[] regression = new double[2];
        int at = e.narma;
        if (e.spec.hasMean()) {
            regression[0] = coef[at++];
        }
        if (e.spec.hasDrift()) {
            regression[1] = coef[at];
        }
        double[] stats = {sigma2, -0.5 * twiceNegLogLik, aic, aicc, bic};
        return new FittedArima(
                e.name, e.spec.withMethod(method), coefficients, stats, e.nUsed, resid, model, regression, e.x.length);
    }

    /** The number of non-missing values between the first and the last non-missing one. */
    private static int spanCount(double[] x) {
        int count = 0;
        for (double v : x) {
            count += Double.isNaN(v) ? 0 : 1;
        }
        return count;
    }
}

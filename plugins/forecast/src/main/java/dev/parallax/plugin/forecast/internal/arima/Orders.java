package dev.parallax.plugin.forecast.internal.arima;

import dev.parallax.api.forecast.ArimaSpec;

/**
 * The shape of a model's coefficient vector, R's {@code arma} vector: [ar p][ma q][sar P][sma Q][regressors].
 *
 * @param p non-seasonal AR order
 * @param q non-seasonal MA order
 * @param sp seasonal AR order
 * @param sq seasonal MA order
 * @param period the seasonal period
 * @param d ordinary differences
 * @param sd seasonal differences
 */
record Orders(int p, int q, int sp, int sq, int period, int d, int sd) {

    static Orders of(ArimaSpec spec) {
        return new Orders(
                spec.p(), spec.q(), spec.seasonalP(), spec.seasonalQ(), spec.period(), spec.d(), spec.seasonalD());
    }

    /** The number of ARMA coefficients, R's {@code narma}. */
    int narma() {
        return p + q + sp + sq;
    }

    /** The length of the expanded AR polynomial. */
    int fullP() {
        return p + period * sp;
    }

    /** The length of the expanded MA polynomial. */
    int fullQ() {
        return q + period * sq;
    }

    /** The differencing polynomial's coefficients, R's {@code Delta}: y(t) = sum delta[i] y(t-1-i) + w(t). */
    double[] delta() {
        double[] poly = {1};
        for (int i = 0; i < d; i++) {
            poly = multiply(poly, new double[] {1, -1});
        }
        for (int i = 0; i < sd; i++) {
            double[] seasonal = new double[period + 1];
            seasonal[0] = 1;
            seasonal[period] = -1;
            poly = multiply(poly, seasonal);
        }
        double[] delta = new double[poly.length - 1];
        for (int i = 0; i < delta.length; i++) {
            delta[i] = -poly[i + 1];
        }
        return delta;
    }

    /** The series after d ordinary and D seasonal differences (NaN where a difference involves a missing value). */
    double[] difference(double[] x) {
        double[] w = x;
        for (int i = 0; i < d; i++) {
            w = lagged(w, 1);
        }
        for (int i = 0; i < sd; i++) {
            w = lagged(w, period);
        }
        return w;
    }

    private static double[] lagged(double[] x, int lag) {
        double[] out = new double[Math.max(0, x.length - lag)];
        for (int t = 0; t < out.length; t++) {
            out[t] = x[t + lag] - x[t];
        }
        return out;
    }

    static double[] multiply(double[] a, double[] b) {
        double[] c = new double[a.length + b.length - 1];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                c[i + j] += a[i] * b[j];
            }
        }
        return c;
    }
}

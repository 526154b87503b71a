package dev.parallax.plugin.forecast.internal.arima;

/** The conditional sum of squares of R's {@code ARIMA_CSS}: difference, then run the ARMA recursion from ncond. */
final class Css {
    private Css() {}

    /**
     * The mean squared conditional residual.
     *
     * @param resid where to write the residuals (0 before {@code ncond}), or null
     */
    static double meanSquare(double[] y, Orders o, double[] phi, double[] theta, int ncond, double[] resid) {
        double[] w = difference(y, o);
        return meanSquareOfDifferenced(w, phi, theta, ncond, resid != null ? resid : new double[y.length]);
    }

    /** R's in-place differencing of {@code ARIMA_CSS}, into a new array: d ordinary, then D seasonal differences. */
    static double[] difference(double[] y, Orders o) {
        int n = y.length;
        double[] w = y.clone();
        for (int i = 0; i < o.d(); i++) {
            for (int l = n - 1; l > 0; l--) {
                w[l] -= w[l - 1];
            }
        }
        int ns = o.period();
        for (int i = 0; i < o.sd(); i++) {
            for (int l = n - 1; l >= ns; l--) {
                w[l] -= w[l - ns];
            }
        }
        return w;
    }

    /**
     * The mean squared conditional residual of a series already differenced by {@link #difference}.
     *
     * @param e where to write the residuals (0 before {@code ncond}), as long as {@code w}
     */
    static double meanSquareOfDifferenced(double[] w, double[] phi, double[] theta, int ncond, double[] e) {
        int n = w.length;
        for (int l = 0; l < Math.min(ncond, n); l++) {
            e[l] = 0;
        }
        int p = phi.length;
        int q = theta.length;
        double ssq = 0;
        int nu = 0;
        for (int l = ncond; l < n; l++) {
            double tmp = w[l];
            for (int j = 0; j < p; j++) {
                tmp -= phi[j] * w[l - j - 1];
            }
            int jmax = Math.min(l - ncond, q);
            for (int j = 0; j < jmax; j++) {
                tmp -= theta[j] * e[l - j - 1];
            }
            e[l] = tmp;
            if (!Double.isNaN(tmp)) {
                nu++;
                ssq += tmp * tmp;
            }
        }
        return ssq / nu;
    }
}

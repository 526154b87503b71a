package dev.parallax.plugin.forecast.internal.arima;

/** The few dense linear-algebra steps ARIMA fitting needs, on matrices of a handful of rows. */
final class Matrices {
    private Matrices() {}

    /** The inverse by Gauss-Jordan elimination with partial pivoting; null when singular. */
    static double[][] inverse(double[][] m) {
        int n = m.length;
        double[][] a = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], 0, a[i], 0, n);
            a[i][n + i] = 1;
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            if (!(Math.abs(a[pivot][col]) > 1e-300)) {
                return null;
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            double scale = a[col][col];
            for (int k = 0; k < 2 * n; k++) {
                a[col][k] /= scale;
            }
            for (int row = 0; row < n; row++) {
                if (row != col && a[row][col] != 0) {
                    double factor = a[row][col];
                    for (int k = 0; k < 2 * n; k++) {
                        a[row][k] -= factor * a[col][k];
                    }
                }
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], n, inv[i], 0, n);
        }
        return inv;
    }

    /**
     * Ordinary least squares of y on the columns of x, rows with a NaN left out, as R's
     * {@code lm(y ~ x - 1, na.action = na.omit)}.
     *
     * @return {coefficients, standard errors}, or null when x is rank deficient or has no spare row
     */
    static double[][] leastSquares(double[][] x, double[] y) {
        int k = x.length;
        double[][] xtx = new double[k][k];
        double[] xty = new double[k];
        int rows = 0;
        for (int t = 0; t < y.length; t++) {
            if (Double.isNaN(y[t])) {
                continue;
            }
            rows++;
            for (int i = 0; i < k; i++) {
                xty[i] += x[i][t] * y[t];
                for (int j = 0; j < k; j++) {
                    xtx[i][j] += x[i][t] * x[j][t];
                }
            }
        }
        double[][] inv = rows > k ? inverse(xtx) : null;
        if (inv == null) {
            return null;
        }
        double[] beta = new double[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                beta[i] += inv[i][j] * xty[j];
            }
        }
        double rss = 0;
        for (int t = 0; t < y.length; t++) {
            if (!Double.isNaN(y[t])) {
                double e = y[t];
                for (int i = 0; i < k; i++) {
                    e -= x[i][t] * beta[i];
                }
                rss += e * e;
            }
        }
        double s2 = rss / (rows - k);
        double[] se = new double[k];
        for (int i = 0; i < k; i++) {
            se[i] = Math.sqrt(s2 * inv[i][i]);
        }
        return new double[][] {beta, se};
    }
}

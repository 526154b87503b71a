package dev.parallax.plugin.forecast.internal.arima;

/**
 * R's ARIMA parameter transforms (arima.c): the PACF parametrisation that keeps AR parts stationary during
 * optimisation, its inverse and Jacobian, and the expansion of seasonal factors into full polynomials.
 */
final class Transforms {
    private Transforms() {}

    /** R's {@code partrans}: tanh onto (-1, 1), read as PACF, then Durbin-Levinson to AR coefficients. */
    static void partrans(double[] raw, int from, int p, double[] out) {
        double[] work = new double[p];
        for (int j = 0; j < p; j++) {
            work[j] = Math.tanh(raw[from + j]);
            out[from + j] = work[j];
        }
        for (int j = 1; j < p; j++) {
            double a = out[from + j];
            for (int k = 0; k < j; k++) {
                work[k] -= a * out[from + j - k - 1];
            }
            for (int k = 0; k < j; k++) {
                out[from + k] = work[k];
            }
        }
    }

    /** R's {@code invpartrans}: AR coefficients back to atanh of the PACF. */
    static void invpartrans(double[] phi, int from, int p, double[] out) {
        double[] work = new double[p];
        double[] cur = new double[p];
        for (int j = 0; j < p; j++) {
            cur[j] = phi[from + j];
            work[j] = cur[j];
        }
        for (int j = p - 1; j > 0; j--) {
            double a = cur[j];
            for (int k = 0; k < j; k++) {
                work[k] = (cur[k] + a * cur[j - k - 1]) / (1 - a * a);
            }
            for (int k = 0; k < j; k++) {
                cur[k] = work[k];
            }
        }
        for (int j = 0; j < p; j++) {
            out[from + j] = atanh(cur[j]);
        }
    }

    private static double atanh(double x) {
        return 0.5 * Math.log((1 + x) / (1 - x));
    }

    /** R's {@code ARIMA_undoPars}: the coefficients with both AR parts mapped through {@link #partrans}. */
    static double[] undo(double[] raw, Orders o) {
        double[] out = raw.clone();
        if (o.p() > 0) {
            partrans(raw, 0, o.p(), out);
        }
        if (o.sp() > 0) {
            partrans(raw, o.p() + o.q(), o.sp(), out);
        }
        return out;
    }

    /** R's {@code ARIMA_Invtrans}. */
    static double[] inverse(double[] coef, Orders o) {
        double[] out = coef.clone();
        if (o.p() > 0) {
            invpartrans(coef, 0, o.p(), out);
        }
        if (o.sp() > 0) {
            invpartrans(coef, o.p() + o.q(), o.sp(), out);
        }
        return out;
    }

    /** R's {@code ARIMA_Gradtrans}: the forward-difference Jacobian (step 1e-3) of {@link #undo}. */
    static double[][] gradient(double[] raw, Orders o) {
        int n = raw.length;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i][i] = 1;
        }
        jacobianBlock(raw, 0, o.p(), a);
        jacobianBlock(raw, o.p() + o.q(), o.sp(), a);
        return a;
    }

    private static void jacobianBlock(double[] raw, int from, int m, double[][] a) {
        if (m == 0) {
            return;
        }
        double eps = 1e-3;
        double[] w1 = raw.clone();
        double[] w2 = raw.clone();
        double[] w3 = raw.clone();
        partrans(w1, from, m, w2);
        for (int i = 0; i < m; i++) {
            w1[from + i] += eps;
            partrans(w1, from, m, w3);
            for (int j = 0; j < m; j++) {
                a[from + i][from + j] = (w3[from + j] - w2[from + j]) / eps;
            }
            w1[from + i] -= eps;
        }
    }

    /**
     * R's {@code ARIMA_transPars}: the expanded AR and MA polynomials (phi, theta) of the coefficients, after
     * {@link #partrans} of the AR parts when {@code transform}.
     */
    static double[][] expand(double[] coef, Orders o, boolean transform) {
        double[] params = transform ? undo(coef, o) : coef;
        int mp = o.p();
        int mq = o.q();
        int msp = o.sp();
        int msq = o.sq();
        int ns = o.period();
        double[] phi = new double[o.fullP()];
        double[] theta = new double[o.fullQ()];
        System.arraycopy(params, 0, phi, 0, mp);
        System.arraycopy(params, mp, theta, 0, mq);
        for (int j = 0; j < msp; j++) {
            phi[(j + 1) * ns - 1] += params[j + mp + mq];
            for (int i = 0; i < mp; i++) {
                phi[(j + 1) * ns + i] -= params[i] * params[j + mp + mq];
            }
        }
        for (int j = 0; j < msq; j++) {
            theta[(j + 1) * ns - 1] += params[j + mp + mq + msp];
            for (int i = 0; i < mq; i++) {
                theta[(j + 1) * ns + i] += params[i + mp] * params[j + mp + mq + msp];
            }
        }
        return new double[][] {phi, theta};
    }
}

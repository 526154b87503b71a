package dev.parallax.plugin.forecast.internal.arima;

/**
 * The state-space form of an ARIMA model and its Kalman filter, after R's {@code makeARIMA}, {@code ARIMA_Like}
 * and {@code KalmanFore} (src/library/stats/src/arima.c).
 *
 * <p>The state has r = max(p, q + 1) ARMA components followed by d = length(delta) lagged levels for the
 * differencing. The ARMA block starts at its stationary covariance Q0, the solution of Q0 = T Q0 T' + R R', found by
 * the doubling algorithm (Q0 = sum of T^j R R' T'^j, summed in O(r^3 log k)); R's default Gardner et al. (1980)
 * algorithm computes the same matrix. The differencing block starts diffuse, with variance {@code kappa}
 * (1e6, as in R), and observations whose prediction variance stays at or above 1e4 do not count in the likelihood.
 *
 * <p>Covariances are column-major, {@code P[i + rd * j]}, and in units of the innovations variance. The filter
 * leaves the last filtered state in {@link #a} and {@link #P}, from which {@link #forecast} continues.
 */
final class StateSpace {
    static final double KAPPA = 1e6;

    final double[] phi;
    final double[] theta;
    final double[] delta;
    final int p;
    final int q;
    final int r;
    final int d;
    final int rd;
    final double[] a;
    final double[] P;
    final double[] Pn;
    /** R R', the innovation's covariance in the ARMA block: (1, theta) times its transpose, (q+1) x (q+1). */
    final double[] rr;

    private StateSpace(double[] phi, double[] theta, double[] delta, double[] q0) {
        this.phi = phi;
        this.theta = theta;
        this.delta = delta;
        this.p = phi.length;
        this.q = theta.length;
        this.r = Math.max(p, q + 1);
        this.d = delta.length;
        this.rd = r + d;
        this.a = new double[rd];
        this.P = new double[rd * rd];
        this.Pn = new double[rd * rd];
        for (int i = 0; i < r; i++) {
            System.arraycopy(q0, i * r, Pn, i * rd, r);
        }
        for (int i = r; i < rd; i++) {
            Pn[i + rd * i] = KAPPA;
        }
        this.rr = new double[(q + 1) * (q + 1)];
        for (int j = 0, k = 0; j <= q; j++) {
            for (int i = 0; i <= q; i++, k++) {
                double vi = i == 0 ? 1 : theta[i - 1];
                rr[k] = vi * (j == 0 ? 1 : theta[j - 1]);
            }
        }
    }

    /**
     * The model with AR polynomial {@code phi}, MA polynomial {@code theta} and differencing {@code delta}.
     *
     * @return null when the AR part is not stationary (Q0 does not exist)
     */
    static StateSpace of(double[] phi, double[] theta, double[] delta) {
        int r = Math.max(phi.length, theta.length + 1);
        double[] q0 = stationaryCovariance(phi, theta, r);
        return q0 == null ? null : new StateSpace(phi, theta, delta, q0);
    }

    /** Q0 by doubling: P = V, A = T; repeat P += A P A', A = A A until A P A' is negligible. */
    static double[] stationaryCovariance(double[] phi, double[] theta, int r) {
        double[] q0 = new double[r * r];
        if (r == 1) {
            double v = phi.length > 0 ? 1 / (1 - phi[0] * phi[0]) : 1;
            q0[0] = v;
            return v > 0 && Double.isFinite(v) ? q0 : null;
        }
        double[] rvec = new double[r];
        rvec[0] = 1;
        System.arraycopy(theta, 0, rvec, 1, Math.min(theta.length, r - 1));
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                q0[i + r * j] = rvec[i] * rvec[j];
            }
        }
        double[] t = new double[r * r];
        for (int i = 0; i < phi.length; i++) {
            t[i] += phi[i];
        }
        for (int i = 0; i + 1 < r; i++) {
            t[i + r * (i + 1)] = 1;
        }
        double[] work = new double[r * r];
        double[] apa = new double[r * r];
        for (int iteration = 0; iteration < 64; iteration++) {
            multiply(t, q0, work, r); // work = A P
            multiplyTransposed(work, t, apa, r); // apa = A P A'
            double change = 0;
            double size = 0;
            for (int k = 0; k < r * r; k++) {
                q0[k] += apa[k];
                change = Math.max(change, Math.abs(apa[k]));
                size = Math.max(size, Math.abs(q0[k]));
            }
            if (!Double.isFinite(size) || size > 1e300) {
                return null;
            }
            if (change <= 1e-18 * size) {
                return q0;
            }
            multiply(t, t, work, r);
            System.arraycopy(work, 0, t, 0, r * r);
        }
        return null;
    }

    /** Runs the Kalman filter over {@code y}; see {@link KalmanFilter#run}. */
    double[] filter(double[] y, double[] resid) {
        return KalmanFilter.run(this, y, resid);
    }

    /**
     * Forecasts from the filtered state, R's {@code KalmanFore}; leaves this model unchanged.
     *
     * @return {point forecasts, prediction variances in units of sigma2}
     */
    double[][] forecast(int horizon) {
        double[] t = new double[rd * rd];
        for (int i = 0; i < p; i++) {
            t[i] = phi[i];
        }
        for (int i = 0; i + 1 < r; i++) {
            t[i + rd * (i + 1)] = 1;
        }
        double[] z = new double[rd];
        z[0] = 1;
        for (int i = 0; i < d; i++) {
            z[r + i] = delta[i];
            t[r + rd * (r + i)] = delta[i];
        }
        if (d > 0) {
            t[r] = 1;
            for (int i = 1; i < d; i++) {
                t[r + i + rd * (r + i - 1)] = 1;
            }
        }
        double[] rvec = new double[rd];
        rvec[0] = 1;
        System.arraycopy(theta, 0, rvec, 1, q);
        double[] state = a.clone();
        double[] cov = P.clone();
        double[] work = new double[rd * rd];
        double[] next = new double[rd * rd];
        double[] fc = new double[horizon];
        double[] var = new double[horizon];
        double[] anew = new double[rd];
        for (int l = 0; l < horizon; l++) {
            double f = 0;
            for (int i = 0; i < rd; i++) {
                double tmp = 0;
                for (int k = 0; k < rd; k++) {
                    tmp += t[i + rd * k] * state[k];
                }
                anew[i] = tmp;
                f += tmp * z[i];
            }
            System.arraycopy(anew, 0, state, 0, rd);
            fc[l] = f;
            multiply(t, cov, work, rd);
            multiplyTransposed(work, t, next, rd);
            double v = 0;
            for (int j = 0; j < rd; j++) {
                for (int i = 0; i < rd; i++) {
                    next[i + rd * j] += rvec[i] * rvec[j];
                    v += z[i] * z[j] * next[i + rd * j];
                }
            }
            System.arraycopy(next, 0, cov, 0, rd * rd);
            var[l] = v;
        }
        return new double[][] {fc, var};
    }

    private static void multiply(double[] x, double[] y, double[] out, int n) {
        java.util.Arrays.fill(out, 0);
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < n; k++) {
                double ykj = y[k + n * j];
                if (ykj != 0) {
                    for (int i = 0; i < n; i++) {
                        out[i + n * j] += x[i + n * k] * ykj;
                    }
                }
            }
        }
    }

    private static void multiplyTransposed(double[] x, double[] y, double[] out, int n) {
        java.util.Arrays.fill(out, 0);
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < n; k++) {
                double yjk = y[j + n * k];
                if (yjk != 0) {
                    for (int i = 0; i < n; i++) {
                        out[i + n * j] += x[i + n * k] * yjk;
                    }
                }
            }
        }
    }
}

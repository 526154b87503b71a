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

    /**
     * Runs the Kalman filter over {@code y} (NaN = missing), R's {@code ARIMA_Like}. Call it once per instance: it
     * consumes the initial state.
     *
     * @param resid where to write the standardised innovations (NaN where missing), or null
     * @return {sum of squared standardised innovations, sum of log prediction variances, observations counted}
     */
    double[] filter(double[] y, double[] resid) {
        double[] anew = new double[rd];
        double[] m = new double[rd];
        double[] mm = d > 0 ? new double[rd * rd] : null;
        double[] pnew = Pn;
        double ssq = 0;
        double sumlog = 0;
        int nu = 0;
        for (int l = 0; l < y.length; l++) {
            for (int i = 0; i < r; i++) {
                double tmp = i < r - 1 ? a[i + 1] : 0;
                if (i < p) {
                    tmp += phi[i] * a[0];
                }
                anew[i] = tmp;
            }
            if (d > 0) {
                for (int i = r + 1; i < rd; i++) {
                    anew[i] = a[i - 1];
                }
                double tmp = a[0];
                for (int i = 0; i < d; i++) {
                    tmp += delta[i] * a[r + i];
                }
                anew[r] = tmp;
            }
            if (l > 0) {
                predictCovariance(pnew, mm);
            }
            double yl = y[l];
            if (!Double.isNaN(yl)) {
                double resid0 = yl - anew[0];
                for (int i = 0; i < d; i++) {
                    resid0 -= delta[i] * anew[r + i];
                }
                for (int i = 0; i < rd; i++) {
                    double tmp = pnew[i];
                    for (int k = 0; k < d; k++) {
                        tmp += pnew[i + rd * (r + k)] * delta[k];
                    }
                    m[i] = tmp;
                }
                double gain = m[0];
                for (int i = 0; i < d; i++) {
                    gain += delta[i] * m[r + i];
                }
                if (gain < 1e4) {
                    nu++;
                    ssq += resid0 * resid0 / gain;
                    sumlog += Math.log(gain);
                }
                if (resid != null) {
                    resid[l] = resid0 / Math.sqrt(gain);
                }
                for (int i = 0; i < rd; i++) {
                    a[i] = anew[i] + m[i] * resid0 / gain;
                }
                for (int j = 0; j < rd; j++) {
                    double mj = m[j] / gain;
                    for (int i = 0; i < rd; i++) {
                        P[i + rd * j] = pnew[i + rd * j] - m[i] * mj;
                    }
                }
            } else {
                System.arraycopy(anew, 0, a, 0, rd);
                System.arraycopy(pnew, 0, P, 0, rd * rd);
                if (resid != null) {
                    resid[l] = Double.NaN;
                }
            }
        }
        return new double[] {ssq, sumlog, nu};
    }

    /** Pnew = T P T' + R R', exploiting the companion and differencing structure of T. */
    private void predictCovariance(double[] pnew, double[] mm) {
        if (d == 0) {
            for (int i = 0; i < r; i++) {
                double vi = i == 0 ? 1 : (i - 1 < q ? theta[i - 1] : 0);
                for (int j = 0; j < r; j++) {
                    double tmp = j == 0 ? vi : (j - 1 < q ? vi * theta[j - 1] : 0);
                    if (i < p && j < p) {
                        tmp += phi[i] * phi[j] * P[0];
                    }
                    if (i < r - 1 && j < r - 1) {
                        tmp += P[i + 1 + r * (j + 1)];
                    }
                    if (i < p && j < r - 1) {
                        tmp += phi[i] * P[j + 1];
                    }
                    if (j < p && i < r - 1) {
                        tmp += phi[j] * P[i + 1];
                    }
                    pnew[i + r * j] = tmp;
                }
            }
            return;
        }
        // mm = T P
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < rd; j++) {
                double tmp = 0;
                if (i < p) {
                    tmp += phi[i] * P[rd * j];
                }
                if (i < r - 1) {
                    tmp += P[i + 1 + rd * j];
                }
                mm[i + rd * j] = tmp;
            }
        }
        for (int j = 0; j < rd; j++) {
            double tmp = P[rd * j];
            for (int k = 0; k < d; k++) {
                tmp += delta[k] * P[r + k + rd * j];
            }
            mm[r + rd * j] = tmp;
        }
        for (int i = 1; i < d; i++) {
            for (int j = 0; j < rd; j++) {
                mm[r + i + rd * j] = P[r + i - 1 + rd * j];
            }
        }
        // Pnew = mm T'
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < rd; j++) {
                double tmp = 0;
                if (i < p) {
                    tmp += phi[i] * mm[j];
                }
                if (i < r - 1) {
                    tmp += mm[rd * (i + 1) + j];
                }
                pnew[j + rd * i] = tmp;
            }
        }
        for (int j = 0; j < rd; j++) {
            double tmp = mm[j];
            for (int k = 0; k < d; k++) {
                tmp += delta[k] * mm[rd * (r + k) + j];
            }
            pnew[j + rd * r] = tmp;
        }
        for (int i = 1; i < d; i++) {
            for (int j = 0; j < rd; j++) {
                pnew[j + rd * (r + i)] = mm[rd * (r + i - 1) + j];
            }
        }
        for (int i = 0; i <= q; i++) {
            double vi = i == 0 ? 1 : theta[i - 1];
            for (int j = 0; j <= q; j++) {
                pnew[i + rd * j] += vi * (j == 0 ? 1 : theta[j - 1]);
            }
        }
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

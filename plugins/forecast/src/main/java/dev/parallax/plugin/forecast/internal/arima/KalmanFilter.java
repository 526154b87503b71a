package dev.parallax.plugin.forecast.internal.arima;

/**
 * The Kalman filter of R's {@code ARIMA_Like} (src/library/stats/src/arima.c), line for line: the prediction
 * step exploits the companion and differencing structure of T, a missing observation (NaN) skips the update, and
 * an observation whose prediction variance is at or above 1e4 (still diffuse) updates the state but does not count
 * in the likelihood.
 */
final class KalmanFilter {
    private KalmanFilter() {}

    /**
     * Runs the Kalman filter over {@code y} (NaN = missing), R's {@code ARIMA_Like}. Call it once per instance: it
     * consumes the initial state.
     *
     * @param resid where to write the standardised innovations (NaN where missing), or null
     * @return {sum of squared standardised innovations, sum of log prediction variances, observations counted}
     */
    static double[] run(StateSpace s, double[] y, double[] resid) {
        double[] phi = s.phi;
        double[] delta = s.delta;
        double[] a = s.a;
        double[] P = s.P;
        int p = s.p;
        int r = s.r;
        int d = s.d;
        int rd = s.rd;
        double[] anew = new double[rd];
        double[] m = new double[rd];
        double[] mm = d > 0 ? new double[rd * rd] : null;
        double[] pnew = s.Pn;
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
                predictCovariance(s, pnew, mm);
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
    private static void predictCovariance(StateSpace s, double[] pnew, double[] mm) {
        double[] phi = s.phi;
        double[] theta = s.theta;
        double[] delta = s.delta;
        double[] P = s.P;
        int p = s.p;
        int q = s.q;
        int r = s.r;
        int d = s.d;
        int rd = s.rd;
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
}

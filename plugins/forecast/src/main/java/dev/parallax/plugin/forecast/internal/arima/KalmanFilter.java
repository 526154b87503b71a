package dev.parallax.plugin.forecast.internal.arima;

import java.util.Arrays;

/**
 * The Kalman filter of R's {@code ARIMA_Like} (src/library/stats/src/arima.c): the prediction step exploits the
 * companion and differencing structure of T, a missing observation (NaN) skips the update, and an observation whose
 * prediction variance is at or above 1e4 (still diffuse) updates the state but does not count in the likelihood.
 *
 * <p>Until the filter reaches its steady state every operation is R's, in R's order. Then it differs from R in one
 * way, which makes fits almost twice as fast: once the prediction covariance has stopped changing (no entry moved by
 * more than {@link #STEADY} of the prediction variance from one observation to the next), the covariance recursion is
 * skipped and the gain of that step is used for every later observation, until a missing value restarts the
 * recursion. For an invertible model the covariance converges geometrically, so what is left out is close to
 * rounding: {@code KalmanFilterTest} holds the log-likelihood terms to 1e-10 relative of the full recursion (8e-12 at
 * worst, on models with two differences, where the trace of R's finite diffuse prior fades slowly). A model near
 * non-invertibility does not converge within its series and is filtered in full.
 */
final class KalmanFilter {
    /** The change of the prediction covariance, relative to the prediction variance, that counts as converged. */
    static final double STEADY = 1e-15;

    private KalmanFilter() {}

    /**
     * Runs the Kalman filter over {@code y} (NaN = missing), R's {@code ARIMA_Like}. Call it once per instance: it
     * consumes the initial state.
     *
     * @param resid where to write the standardised innovations (NaN where missing), or null
     * @return {sum of squared standardised innovations, sum of log prediction variances, observations counted,
     *     observations filtered with the steady-state gain}
     */
    static double[] run(StateSpace s, double[] y, double[] resid) {
        return run(s, y, resid, STEADY);
    }

    /** {@link #run(StateSpace, double[], double[])} with another convergence tolerance; below 0, never converged. */
    static double[] run(StateSpace s, double[] y, double[] resid, double steadyTolerance) {
        return SmallKalmanFilter.fits(s)
                ? SmallKalmanFilter.run(s, y, resid, steadyTolerance)
                : runGeneral(s, y, resid, steadyTolerance);
    }

    /** The filter for any model; {@link #run} takes {@link SmallKalmanFilter} for the models it fits. */
    static double[] runGeneral(StateSpace s, double[] y, double[] resid, double steadyTolerance) {
        double[] delta = s.delta;
        double[] a = s.a;
        double[] P = s.P;
        int r = s.r;
        int d = s.d;
        int rd = s.rd;
        double[] anew = new double[rd];
        double[] m = new double[rd];
        double[] gainVector = new double[rd];
        double[] mm = new double[rd * rd];
        double[] pnew = s.Pn;
        double[] previous = new double[rd * rd];
        double ssq = 0;
        double sumlog = 0;
        int nu = 0;
        int steadySteps = 0;
        boolean steady = false;
        boolean observedBefore = false;
        double gain = 0;
        double logGain = 0;
        for (int l = 0; l < y.length; l++) {
            predictState(s, a, anew);
            if (l > 0 && !steady) {
                double[] swap = previous;
                previous = pnew;
                pnew = swap;
                predictCovariance(s, mm, pnew);
            }
            double yl = y[l];
            if (Double.isNaN(yl)) {
                System.arraycopy(anew, 0, a, 0, rd);
                System.arraycopy(pnew, 0, P, 0, rd * rd);
                if (resid != null) {
                    resid[l] = Double.NaN;
                }
                steady = false;
                observedBefore = false;
                continue;
            }
            double resid0 = yl - anew[0];
            for (int i = 0; i < d; i++) {
                resid0 -= delta[i] * anew[r + i];
            }
            if (steady) {
                steadySteps++;
                // The gain of the step that converged: R's m[i] * resid0 / gain with the division done once.
                if (gain < 1e4) {
                    nu++;
                    ssq += resid0 * resid0 / gain;
                    sumlog += logGain;
                }
                if (resid != null) {
                    resid[l] = resid0 / Math.sqrt(gain);
                }
                for (int i = 0; i < rd; i++) {
                    a[i] = anew[i] + gainVector[i] * resid0;
                }
                continue;
            }
            for (int i = 0; i < rd; i++) {
                double tmp = pnew[i];
                for (int k = 0; k < d; k++) {
                    tmp += pnew[i + rd * (r + k)] * delta[k];
                }
                m[i] = tmp;
            }
            gain = m[0];
            for (int i = 0; i < d; i++) {
                gain += delta[i] * m[r + i];
            }
            logGain = Math.log(gain);
            if (gain < 1e4) {
                nu++;
                ssq += resid0 * resid0 / gain;
                sumlog += logGain;
            }
            if (resid != null) {
                resid[l] = resid0 / Math.sqrt(gain);
            }
            for (int i = 0; i < rd; i++) {
                a[i] = anew[i] + m[i] * resid0 / gain;
            }
            for (int j = 0; j < rd; j++) {
                double mj = m[j] / gain;
                gainVector[j] = mj;
                for (int i = 0; i < rd; i++) {
                    P[i + rd * j] = pnew[i + rd * j] - m[i] * mj;
                }
            }
            steady = observedBefore && converged(pnew, previous, steadyTolerance * gain);
            observedBefore = true;
        }
        return new double[] {ssq, sumlog, nu, steadySteps};
    }

    /** Whether no entry of the prediction covariance moved by more than {@code limit}. */
    private static boolean converged(double[] pnew, double[] previous, double limit) {
        for (int k = 0; k < pnew.length; k++) {
            if (!(Math.abs(pnew[k] - previous[k]) <= limit)) {
                return false;
            }
        }
        return true;
    }

    /**
     * anew = T a, each entry R's expression with its additions in R's order (a sum that starts from 0 starts from its
     * first term instead, which is the same number). The loops are split where R's branch on {@code i < p} changes.
     */
    private static void predictState(StateSpace s, double[] a, double[] anew) {
        double[] phi = s.phi;
        double[] delta = s.delta;
        int r = s.r;
        int d = s.d;
        int pr = Math.min(s.p, r - 1);
        double a0 = a[0];
        for (int i = 0; i < pr; i++) {
            anew[i] = phi[i] * a0 + a[i + 1];
        }
        for (int i = pr; i < r - 1; i++) {
            anew[i] = a[i + 1];
        }
        anew[r - 1] = s.p == r ? phi[r - 1] * a0 : 0;
        if (d > 0) {
            double tmp = a0;
            for (int k = 0; k < d; k++) {
                tmp += delta[k] * a[r + k];
            }
            anew[r] = tmp;
            for (int i = 1; i < d; i++) {
                anew[r + i] = a[r + i - 1];
            }
        }
    }

    /**
     * Pnew = T P T' + R R', as R computes it: mm = T P, then Pnew = mm T'. Without differencing R uses an entrywise
     * formula instead, kept here for the same rounding.
     *
     * <p>The products are written row by row of T (T P) and column by column of Pnew (mm T'), with the loops split
     * where R's branches on {@code i < p} and {@code i < r - 1} change: each loop runs over all rd entries and none
     * branches, about twice as fast as R's order for small models, while each entry is still R's sum, term for term.
     */
    private static void predictCovariance(StateSpace s, double[] mm, double[] pnew) {
        if (s.d == 0) {
            predictArmaCovariance(s, pnew);
            return;
        }
        double[] phi = s.phi;
        double[] delta = s.delta;
        double[] P = s.P;
        int p = s.p;
        int q = s.q;
        int r = s.r;
        int d = s.d;
        int rd = s.rd;
        int pr = Math.min(p, r - 1);
        // mm = T P, row by row of T: each loop runs over the rd columns.
        int n2 = rd * rd;
        for (int i = 0; i < pr; i++) {
            double f = phi[i];
            for (int c = 0; c < n2; c += rd) {
                mm[c + i] = f * P[c] + P[c + i + 1];
            }
        }
        for (int i = pr; i < r - 1; i++) {
            for (int c = 0; c < n2; c += rd) {
                mm[c + i] = P[c + i + 1];
            }
        }
        double last = p == r ? phi[r - 1] : 0;
        for (int c = 0; c < n2; c += rd) {
            mm[c + r - 1] = p == r ? last * P[c] : 0;
        }
        for (int c = 0; c < n2; c += rd) {
            mm[c + r] = P[c];
        }
        for (int k = 0; k < d; k++) {
            double f = delta[k];
            for (int c = 0; c < n2; c += rd) {
                mm[c + r] += f * P[c + r + k];
            }
        }
        for (int i = 1; i < d; i++) {
            for (int c = 0; c < n2; c += rd) {
                mm[c + r + i] = P[c + r + i - 1];
            }
        }
        // Pnew = mm T': column i of Pnew is the combination of mm's columns that row i of T names.
        for (int i = 0; i < pr; i++) {
            double f = phi[i];
            int o = rd * i;
            int c = rd * (i + 1);
            for (int j = 0; j < rd; j++) {
                pnew[o + j] = f * mm[j] + mm[c + j];
            }
        }
        for (int i = pr; i < r - 1; i++) {
            System.arraycopy(mm, rd * (i + 1), pnew, rd * i, rd);
        }
        int lastColumn = rd * (r - 1);
        if (p == r) {
            for (int j = 0; j < rd; j++) {
                pnew[lastColumn + j] = last * mm[j];
            }
        } else {
            Arrays.fill(pnew, lastColumn, lastColumn + rd, 0);
        }
        int diff = rd * r;
        System.arraycopy(mm, 0, pnew, diff, rd);
        for (int k = 0; k < d; k++) {
            double f = delta[k];
            int c = rd * (r + k);
            for (int j = 0; j < rd; j++) {
                pnew[diff + j] += f * mm[c + j];
            }
        }
        for (int i = 1; i < d; i++) {
            System.arraycopy(mm, rd * (r + i - 1), pnew, rd * (r + i), rd);
        }
        double[] rr = s.rr;
        for (int j = 0, k = 0; j <= q; j++) {
            for (int i = 0; i <= q; i++, k++) {
                pnew[i + rd * j] += rr[k];
            }
        }
    }

    /** Pnew = T P T' + R R' entry by entry for an undifferenced model, as R's {@code ARIMA_Like} writes it. */
    private static void predictArmaCovariance(StateSpace s, double[] pnew) {
        double[] phi = s.phi;
        double[] theta = s.theta;
        double[] P = s.P;
        int p = s.p;
        int q = s.q;
        int r = s.r;
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
    }
}

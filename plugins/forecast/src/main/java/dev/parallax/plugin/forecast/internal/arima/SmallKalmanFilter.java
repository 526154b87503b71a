package dev.parallax.plugin.forecast.internal.arima;

/**
 * {@link KalmanFilter} for the commonest small models, the ARIMA(p,1,q) with two ARMA states: (0,1,1), (1,1,1),
 * (2,1,0) and (2,1,1). Their three states (two ARMA, one level) are written out with every state and covariance entry in a local variable. The general filter
 * spends most of its time on loop overhead at this size (its loops run 0 to 3 times); this one does the same
 * arithmetic, entry by entry and in the same order, about three times as fast. An absent coefficient is a zero,
 * which changes no result but the sign of a zero; {@code SmallKalmanFilterTest} holds the two filters to identical
 * results.
 */
final class SmallKalmanFilter {
    private SmallKalmanFilter() {}

    /** Whether {@code s} has this filter's shape: two ARMA states and one difference. */
    static boolean fits(StateSpace s) {
        return s.r == 2 && s.d == 1 && s.delta[0] == 1;
    }

    /** {@link KalmanFilter#run(StateSpace, double[], double[], double)} for a model that {@link #fits}. */
    static double[] run(StateSpace s, double[] y, double[] resid, double steadyTolerance) {
        double phi0 = s.p > 0 ? s.phi[0] : 0;
        double phi1 = s.p > 1 ? s.phi[1] : 0;
        double theta = s.q > 0 ? s.theta[0] : 0;
        double thetaSquared = theta * theta;
        double[] a = s.a;
        double a0 = a[0];
        double a1 = a[1];
        double a2 = a[2];
        // The prediction covariance, column-major names: n<row><column>.
        double[] pn = s.Pn;
        double n00 = pn[0], n10 = pn[1], n20 = pn[2], n01 = pn[3], n11 = pn[4], n21 = pn[5];
        double n02 = pn[6], n12 = pn[7], n22 = pn[8];
        // The filtered covariance P.
        double c00 = 0, c10 = 0, c20 = 0, c01 = 0, c11 = 0, c21 = 0, c02 = 0, c12 = 0, c22 = 0;
        double k0 = 0, k1 = 0, k2 = 0;
        double gain = 0;
        double logGain = 0;
        double ssq = 0;
        double sumlog = 0;
        int nu = 0;
        int steadySteps = 0;
        boolean steady = false;
        boolean observedBefore = false;
        for (int l = 0; l < y.length; l++) {
            // anew = T a
            double an0 = phi0 * a0 + a1;
            double an1 = phi1 * a0;
            double an2 = a0 + a2;
            double o00 = n00, o10 = n10, o20 = n20, o01 = n01, o11 = n11, o21 = n21, o02 = n02, o12 = n12, o22 = n22;
            if (l > 0 && !steady) {
                // mm = T P, column by column of P
                double m00 = phi0 * c00 + c10, m10 = phi1 * c00, m20 = c00 + c20;
                double m01 = phi0 * c01 + c11, m11 = phi1 * c01, m21 = c01 + c21;
                double m02 = phi0 * c02 + c12, m12 = phi1 * c02, m22 = c02 + c22;
                // Pnew = mm T' + R R'
                n00 = phi0 * m00 + m01 + 1;
                n10 = phi0 * m10 + m11 + theta;
                n20 = phi0 * m20 + m21;
                n01 = phi1 * m00 + theta;
                n11 = phi1 * m10 + thetaSquared;
                n21 = phi1 * m20;
                n02 = m00 + m02;
                n12 = m10 + m12;
                n22 = m20 + m22;
            }
            double yl = y[l];
            if (Double.isNaN(yl)) {
                a0 = an0;
                a1 = an1;
                a2 = an2;
                c00 = n00;
                c10 = n10;
                c20 = n20;
                c01 = n01;
                c11 = n11;
                c21 = n21;
                c02 = n02;
                c12 = n12;
                c22 = n22;
                if (resid != null) {
                    resid[l] = Double.NaN;
                }
                steady = false;
                observedBefore = false;
                continue;
            }
            double resid0 = yl - an0;
            resid0 -= an2;
            if (steady) {
                steadySteps++;
                if (gain < 1e4) {
                    nu++;
                    ssq += resid0 * resid0 / gain;
                    sumlog += logGain;
                }
                if (resid != null) {
                    resid[l] = resid0 / Math.sqrt(gain);
                }
                a0 = an0 + k0 * resid0;
                a1 = an1 + k1 * resid0;
                a2 = an2 + k2 * resid0;
                continue;
            }
            double m0 = n00 + n02;
            double m1 = n10 + n12;
            double m2 = n20 + n22;
            gain = m0 + m2;
            logGain = Math.log(gain);
            if (gain < 1e4) {
                nu++;
                ssq += resid0 * resid0 / gain;
                sumlog += logGain;
            }
            if (resid != null) {
                resid[l] = resid0 / Math.sqrt(gain);
            }
            a0 = an0 + m0 * resid0 / gain;
            a1 = an1 + m1 * resid0 / gain;
            a2 = an2 + m2 * resid0 / gain;
            k0 = m0 / gain;
            k1 = m1 / gain;
            k2 = m2 / gain;
            c00 = n00 - m0 * k0;
            c10 = n10 - m1 * k0;
            c20 = n20 - m2 * k0;
            c01 = n01 - m0 * k1;
            c11 = n11 - m1 * k1;
            c21 = n21 - m2 * k1;
            c02 = n02 - m0 * k2;
            c12 = n12 - m1 * k2;
            c22 = n22 - m2 * k2;
            double limit = steadyTolerance * gain;
            steady = observedBefore
                    && Math.abs(n00 - o00) <= limit
                    && Math.abs(n10 - o10) <= limit
                    && Math.abs(n20 - o20) <= limit
                    && Math.abs(n01 - o01) <= limit
                    && Math.abs(n11 - o11) <= limit
                    && Math.abs(n21 - o21) <= limit
                    && Math.abs(n02 - o02) <= limit
                    && Math.abs(n12 - o12) <= limit
                    && Math.abs(n22 - o22) <= limit;
            observedBefore = true;
        }
        a[0] = a0;
        a[1] = a1;
        a[2] = a2;
        double[] P = s.P;
        P[0] = c00;
        P[1] = c10;
        P[2] = c20;
        P[3] = c01;
        P[4] = c11;
        P[5] = c21;
        P[6] = c02;
        P[7] = c12;
        P[8] = c22;
        return new double[] {ssq, sumlog, nu, steadySteps};
    }
}

package dev.parallax.plugin.forecast.internal.auto;

import java.util.Arrays;

/**
 * How many differences a series needs, as the R forecast package decides by default: {@code ndiffs} with the KPSS
 * test at the 5% level ({@code urca::ur.kpss}, type "mu", lag trunc(3 sqrt(n) / 13)) and {@code nsdiffs} with the
 * seasonal-strength heuristic (strength of the STL seasonal component above 0.64).
 */
final class Differencing {
    /** The KPSS statistic above which the p-value interpolated in urca's table falls below 0.05. */
    private static final double KPSS_CRITICAL_5PCT = 0.463;

    private static final double SEASONAL_STRENGTH_THRESHOLD = 0.64;

    private Differencing() {}

    /** forecast::ndiffs(x, test = "kpss"): differences until KPSS no longer rejects stationarity. */
    static int ndiffs(double[] series, int maxD) {
        double[] x = withoutMissing(series);
        int d = 0;
        if (isConstant(x)) {
            return d;
        }
        boolean dodiff = kpss(x) > KPSS_CRITICAL_5PCT;
        while (dodiff && d < maxD) {
            d++;
            x = difference(x, 1);
            if (isConstant(x)) {
                return d;
            }
            dodiff = x.length > 1 && kpss(x) > KPSS_CRITICAL_5PCT;
        }
        return d;
    }

    /** forecast::nsdiffs(x, test = "seas"). */
    static int nsdiffs(double[] x, int period, int maxD) {
        if (isConstant(withoutMissing(x)) || period >= x.length) {
            return 0;
        }
        int sd = 0;
        boolean dodiff = seasonalStrength(x, period) > SEASONAL_STRENGTH_THRESHOLD;
        while (dodiff && sd < maxD) {
            sd++;
            x = difference(x, period);
            if (isConstant(withoutMissing(x))) {
                return sd;
            }
            dodiff = x.length >= 2 * period && sd < maxD && seasonalStrength(x, period) > SEASONAL_STRENGTH_THRESHOLD;
        }
        return sd;
    }

    /** urca::ur.kpss(x, type = "mu", use.lag = trunc(3 * sqrt(n) / 13)) statistic. */
    static double kpss(double[] y) {
        int n = y.length;
        int lmax = (int) (3 * Math.sqrt(n) / 13);
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= n;
        double[] res = new double[n];
        double s = 0;
        double numerator = 0;
        double s2 = 0;
        for (int t = 0; t < n; t++) {
            res[t] = y[t] - mean;
            s += res[t];
            numerator += s * s;
            s2 += res[t] * res[t];
        }
        numerator /= (double) n * n;
        s2 /= n;
        double denominator = s2;
        for (int k = 1; k <= lmax; k++) {
            double cov = 0;
            for (int t = k; t < n; t++) {
                cov += res[t] * res[t - k];
            }
            denominator += 2.0 / n * (1 - k / (lmax + 1.0)) * cov;
        }
        return numerator / denominator;
    }

    /** forecast's seas.heuristic: 1 - var(remainder) / var(remainder + seasonal) of mstl, clamped to [0, 1]. */
    static double seasonalStrength(double[] series, int period) {
        double[] x = interpolateMissing(series);
        if (x.length <= 2 * period) {
            return 0;
        }
        double[][] parts = Stl.decompose(x, period, 11);
        int n = x.length;
        double[] remainder = new double[n];
        double[] detrended = new double[n];
        for (int t = 0; t < n; t++) {
            remainder[t] = x[t] - parts[0][t] - parts[1][t];
            detrended[t] = remainder[t] + parts[0][t];
        }
        double strength = 1 - variance(remainder) / variance(detrended);
        return Math.max(0, Math.min(1, strength));
    }

    /** forecast's is.constant: all.equal(x, rep(x[1], n)) at R's tolerance 1.5e-8. */
    static boolean isConstant(double[] x) {
        if (x.length == 0) {
            return true;
        }
        double diff = 0;
        double size = 0;
        for (double v : x) {
            diff += Math.abs(v - x[0]);
            size += Math.abs(v);
        }
        diff /= x.length;
        size /= x.length;
        double tolerance = 1.5e-8;
        return (Double.isFinite(size) && size > tolerance ? diff / size : diff) < tolerance;
    }

    static double[] difference(double[] x, int lag) {
        if (x.length <= lag) {
            return new double[0];
        }
        double[] out = new double[x.length - lag];
        for (int t = 0; t < out.length; t++) {
            out[t] = x[t + lag] - x[t];
        }
        return out;
    }

    static double[] withoutMissing(double[] x) {
        return Arrays.stream(x).filter(v -> !Double.isNaN(v)).toArray();
    }

    /** Missing values replaced by linear interpolation (carried flat beyond the ends). */
    private static double[] interpolateMissing(double[] x) {
        double[] out = x.clone();
        int last = -1;
        for (int t = 0; t < out.length; t++) {
            if (Double.isNaN(out[t])) {
                continue;
            }
            for (int u = last + 1; u < t; u++) {
                out[u] = last < 0 ? out[t] : out[last] + (out[t] - out[last]) * (u - last) / (t - last);
            }
            last = t;
        }
        for (int u = last + 1; u < out.length && last >= 0; u++) {
            out[u] = out[last];
        }
        return out;
    }

    private static double variance(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double sum = 0;
        for (double v : x) {
            sum += (v - mean) * (v - mean);
        }
        return sum / (x.length - 1);
    }
}

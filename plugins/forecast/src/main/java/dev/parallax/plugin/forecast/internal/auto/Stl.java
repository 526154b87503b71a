package dev.parallax.plugin.forecast.internal.auto;

/**
 * Seasonal-trend decomposition by loess, a port of R's {@code stl} (Cleveland et al. 1990, netlib stl.f as
 * shipped in R) without robustness iterations, which is how {@code forecast::mstl} calls it.
 *
 * <p>Arrays are 1-based internally (index 0 unused) to keep the port checkable line by line against the Fortran;
 * a cycle-subseries extended by one value at each end is 0-based (its index 0 is the Fortran's work2(1)).
 * The literals 0.999 and 0.001 are single-precision there, and so they are here.
 */
final class Stl {
    private static final double H9 = 0.999f;
    private static final double H1 = 0.001f;

    private Stl() {}

    /**
     * Decomposes {@code y} with R's defaults for the given seasonal window.
     *
     * @return {seasonal, trend}, each of y's length (0-based)
     */
    static double[][] decompose(double[] values, int period, int sWindow) {
        int n = values.length;
        int tWindow = nextOdd(Math.ceil(1.5 * period / (1 - 1.5 / sWindow)));
        int lWindow = nextOdd(period);
        int sJump = (int) Math.ceil(sWindow / 10.0);
        int tJump = (int) Math.ceil(tWindow / 10.0);
        int lJump = (int) Math.ceil(lWindow / 10.0);
        int ns = odd(Math.max(3, sWindow));
        int nt = odd(Math.max(3, tWindow));
        int nl = odd(Math.max(3, lWindow));
        int np = Math.max(2, period);
        double[] y = new double[n + 1];
        System.arraycopy(values, 0, y, 1, n);
        double[] season = new double[n + 1];
        double[] trend = new double[n + 1];
        int m = n + 2 * np;
        double[][] work = new double[6][m + 2];
        for (int iteration = 0; iteration < 2; iteration++) {
            for (int i = 1; i <= n; i++) {
                work[1][i] = y[i] - trend[i];
            }
            seasonalSmooth(work[1], n, np, ns, sJump, work[2], work[3], work[4]);
            lowPass(work[2], n + 2 * np, np, work[3], work[1]);
            loess(work[3], n, nl, 1, lJump, work[1], work[4]);
            for (int i = 1; i <= n; i++) {
                season[i] = work[2][np + i] - work[1][i];
            }
            for (int i = 1; i <= n; i++) {
                work[1][i] = y[i] - season[i];
            }
            loess(work[1], n, nt, 1, tJump, trend, work[3]);
        }
        double[] s = new double[n];
        double[] t = new double[n];
        System.arraycopy(season, 1, s, 0, n);
        System.arraycopy(trend, 1, t, 0, n);
        return new double[][] {s, t};
    }

    private static int nextOdd(double x) {
        long r = Math.round(x);
        return (int) (r % 2 == 0 ? r + 1 : r);
    }

    private static int odd(int x) {
        return x % 2 == 0 ? x + 1 : x;
    }

    /** stlss: smooths each cycle-subseries (degree 0) and extends it one period at both ends. */
    private static void seasonalSmooth(
            double[] y, int n, int np, int ns, int jump, double[] season, double[] w1, double[] w4) {
        for (int j = 1; j <= np; j++) {
            int k = (n - j) / np + 1;
            for (int i = 1; i <= k; i++) {
                w1[i] = y[(i - 1) * np + j];
            }
            double[] shifted = new double[k + 3];
            loess(w1, k, ns, 0, jump, shifted, w4);
            double[] out = new double[1];
            boolean ok = estimate(w1, k, ns, 0, 0, out, 1, Math.min(ns, k), w4);
            shifted[0] = ok ? out[0] : shifted[1];
            ok = estimate(w1, k, ns, 0, k + 1, out, Math.max(1, k - ns + 1), k, w4);
            shifted[k + 1] = ok ? out[0] : shifted[k];
            for (int mm = 1; mm <= k + 2; mm++) {
                season[(mm - 1) * np + j] = shifted[mm - 1];
            }
        }
    }

    /** stlfts: moving averages of lengths np, np and 3. */
    private static void lowPass(double[] x, int n, int np, double[] trend, double[] work) {
        movingAverage(x, n, np, trend);
        movingAverage(trend, n - np + 1, np, work);
        movingAverage(work, n - 2 * np + 2, 3, trend);
    }

    private static void movingAverage(double[] x, int n, int len, double[] ave) {
        int newn = n - len + 1;
        double v = 0;
        for (int i = 1; i <= len; i++) {
            v += x[i];
        }
        ave[1] = v / len;
        for (int j = 2, k = len, m = 0; j <= newn; j++) {
            k++;
            m++;
            v = v - x[m] + x[k];
            ave[j] = v / len;
        }
    }

    /** stless: loess at every jump-th point, linear interpolation between. */
    private static void loess(double[] y, int n, int len, int degree, int jump, double[] ys, double[] res) {
        double[] out = new double[1];
        if (n < 2) {
            ys[1] = y[1];
            return;
        }
        int newnj = Math.min(jump, n - 1);
        int nleft = 0;
        int nright = 0;
        if (len >= n) {
            nleft = 1;
            nright = n;
            for (int i = 1; i <= n; i += newnj) {
                ys[i] = estimate(y, n, len, degree, i, out, nleft, nright, res) ? out[0] : y[i];
            }
        } else if (newnj == 1) {
            int nsh = (len + 1) / 2;
            nleft = 1;
            nright = len;
            for (int i = 1; i <= n; i++) {
                if (i > nsh && nright != n) {
                    nleft++;
                    nright++;
                }
                ys[i] = estimate(y, n, len, degree, i, out, nleft, nright, res) ? out[0] : y[i];
            }
        } else {
            int nsh = (len + 1) / 2;
            for (int i = 1; i <= n; i += newnj) {
                if (i < nsh) {
                    nleft = 1;
                    nright = len;
                } else if (i >= n - nsh + 1) {
                    nleft = n - len + 1;
                    nright = n;
                } else {
                    nleft = i - nsh + 1;
                    nright = len + i - nsh;
                }
                ys[i] = estimate(y, n, len, degree, i, out, nleft, nright, res) ? out[0] : y[i];
            }
        }
        if (newnj != 1) {
            for (int i = 1; i <= n - newnj; i += newnj) {
                double delta = (ys[i + newnj] - ys[i]) / newnj;
                for (int j = i + 1; j <= i + newnj - 1; j++) {
                    ys[j] = ys[i] + delta * (j - i);
                }
            }
            int k = ((n - 1) / newnj) * newnj + 1;
            if (k != n) {
                ys[n] = estimate(y, n, len, degree, n, out, nleft, nright, res) ? out[0] : y[n];
                if (k != n - 1) {
                    double delta = (ys[n] - ys[k]) / (n - k);
                    for (int j = k + 1; j <= n - 1; j++) {
                        ys[j] = ys[k] + delta * (j - k);
                    }
                }
            }
        }
    }

    /** stlest: the tricube-weighted local fit of degree 0 or 1 at xs; false when every weight is zero. */
    private static boolean estimate(
            double[] y, int n, int len, int degree, double xs, double[] ys, int nleft, int nright, double[] w) {
        double range = n - 1.0;
        double h = Math.max(xs - nleft, nright - xs);
        if (len > n) {
            h += (len - n) / 2;
        }
        double h9 = H9 * h;
        double h1 = H1 * h;
        double a = 0;
        for (int j = nleft; j <= nright; j++) {
            double r = Math.abs(j - xs);
            if (r <= h9) {
                if (r <= h1) {
                    w[j] = 1;
                } else {
                    double u = r / h;
                    double v = 1 - u * u * u;
                    w[j] = v * v * v;
                }
                a += w[j];
            } else {
                w[j] = 0;
            }
        }
        if (a <= 0) {
            return false;
        }
        for (int j = nleft; j <= nright; j++) {
            w[j] /= a;
        }
        if (h > 0 && degree > 0) {
            a = 0;
            for (int j = nleft; j <= nright; j++) {
                a += w[j] * j;
            }
            double b = xs - a;
            double c = 0;
            for (int j = nleft; j <= nright; j++) {
                c += w[j] * (j - a) * (j - a);
            }
            if (Math.sqrt(c) > H1 * range) {
                b /= c;
                for (int j = nleft; j <= nright; j++) {
                    w[j] *= b * (j - a) + 1.0;
                }
            }
        }
        double sum = 0;
        for (int j = nleft; j <= nright; j++) {
            sum += w[j] * y[j];
        }
        ys[0] = sum;
        return true;
    }
}

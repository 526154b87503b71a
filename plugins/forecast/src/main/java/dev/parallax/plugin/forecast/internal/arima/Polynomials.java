package dev.parallax.plugin.forecast.internal.arima;

/**
 * Polynomial roots and the AR/MA root checks of R's {@code arima}.
 *
 * <p>Hand-written rather than taken from a library: the degrees are small (at most a few dozen) and the two uses,
 * R's {@code arCheck} and {@code maInvert}, are part of fitting ARIMA itself. Roots are found by the Aberth-Ehrlich
 * simultaneous iteration, which converges cubically for simple roots and needs no deflation.
 */
public final class Polynomials {
    private Polynomials() {}

    /**
     * The complex roots of c[0] + c[1] z + ... + c[m] z^m, trailing zero coefficients dropped.
     *
     * @return {re, im} arrays of the m roots
     */
    static double[][] roots(double[] c) {
        int m = c.length - 1;
        while (m > 0 && c[m] == 0) {
            m--;
        }
        double[] re = new double[m];
        double[] im = new double[m];
        if (m == 0) {
            return new double[][] {re, im};
        }
        // Monic coefficients, highest first: z^m + a[1] z^(m-1) + ... + a[m].
        double[] a = new double[m + 1];
        for (int k = 0; k <= m; k++) {
            a[k] = c[m - k] / c[m];
        }
        double radius = 0;
        for (int k = 1; k <= m; k++) {
            radius = Math.max(radius, Math.pow(Math.abs(a[k]), 1.0 / k));
        }
        radius = Math.max(radius, 1e-3);
        for (int k = 0; k < m; k++) {
            double angle = 2 * Math.PI * k / m + 0.4;
            re[k] = radius * Math.cos(angle);
            im[k] = radius * Math.sin(angle);
        }
        for (int iteration = 0; iteration < 500; iteration++) {
            double largest = 0;
            for (int k = 0; k < m; k++) {
                // p(z) and p'(z) by Horner.
                double pr = 1;
                double pi = 0;
                double dr = 0;
                double di = 0;
                for (int j = 1; j <= m; j++) {
                    double ndr = dr * re[k] - di * im[k] + pr;
                    double ndi = dr * im[k] + di * re[k] + pi;
                    dr = ndr;
                    di = ndi;
                    double npr = pr * re[k] - pi * im[k] + a[j];
                    double npi = pr * im[k] + pi * re[k];
                    pr = npr;
                    pi = npi;
                }
                double norm = pr * pr + pi * pi;
                if (norm == 0) {
                    continue;
                }
                // ratio = p / p'
                double dn = dr * dr + di * di;
                double rr = (pr * dr + pi * di) / dn;
                double ri = (pi * dr - pr * di) / dn;
                // sum of 1 / (z_k - z_j)
                double sr = 0;
                double si = 0;
                for (int j = 0; j < m; j++) {
                    if (j != k) {
                        double xr = re[k] - re[j];
                        double xi = im[k] - im[j];
                        double xn = xr * xr + xi * xi;
                        sr += xr / xn;
                        si -= xi / xn;
                    }
                }
                // w = ratio / (1 - ratio * sum)
                double er = 1 - (rr * sr - ri * si);
                double ei = -(rr * si + ri * sr);
                double en = er * er + ei * ei;
                double wr = (rr * er + ri * ei) / en;
                double wi = (ri * er - rr * ei) / en;
                if (!Double.isFinite(wr) || !Double.isFinite(wi)) {
                    wr = rr;
                    wi = ri;
                }
                re[k] -= wr;
                im[k] -= wi;
                double size = Math.hypot(re[k], im[k]);
                largest = Math.max(largest, Math.hypot(wr, wi) / Math.max(size, 1e-300));
            }
            if (largest < 1e-15) {
                break;
            }
        }
        return new double[][] {re, im};
    }

    /** The smallest modulus of the roots of {@code c}; +inf when the polynomial is constant. */
    public static double minRootModulus(double[] c) {
        double[][] roots = roots(c);
        double min = Double.POSITIVE_INFINITY;
        for (int k = 0; k < roots[0].length; k++) {
            min = Math.min(min, Math.hypot(roots[0][k], roots[1][k]));
        }
        return min;
    }

    /** R's {@code arCheck}: whether 1 - ar[0] z - ... has all its roots outside the unit circle. */
    static boolean arStationary(double[] ar) {
        double[] c = new double[ar.length + 1];
        c[0] = 1;
        for (int i = 0; i < ar.length; i++) {
            c[i + 1] = -ar[i];
        }
        return minRootModulus(c) > 1;
    }

    /** R's {@code maInvert}: reflects the roots of 1 + ma[0] z + ... inside the unit circle to outside. */
    static double[] maInvert(double[] ma) {
        int q = ma.length;
        int q0 = q;
        while (q0 > 0 && ma[q0 - 1] == 0) {
            q0--;
        }
        if (q0 == 0) {
            return ma.clone();
        }
        double[] c = new double[q0 + 1];
        c[0] = 1;
        System.arraycopy(ma, 0, c, 1, q0);
        double[][] roots = roots(c);
        boolean any = false;
        for (int k = 0; k < q0; k++) {
            any |= Math.hypot(roots[0][k], roots[1][k]) < 1;
        }
        if (!any) {
            return ma.clone();
        }
        double[] out = new double[q];
        if (q0 == 1) {
            out[0] = 1 / ma[0];
            return out;
        }
        double[] re = roots[0];
        double[] im = roots[1];
        for (int k = 0; k < q0; k++) {
            double mod2 = re[k] * re[k] + im[k] * im[k];
            if (mod2 < 1) {
                re[k] = re[k] / mod2;
                im[k] = -im[k] / mod2;
            }
        }
        // x <- 1; for (r in roots) x <- c(x, 0) - c(0, x) / r
        double[] xr = new double[q0 + 1];
        double[] xi = new double[q0 + 1];
        xr[0] = 1;
        for (int k = 0; k < q0; k++) {
            double mod2 = re[k] * re[k] + im[k] * im[k];
            double invR = re[k] / mod2;
            double invI = -im[k] / mod2;
            for (int j = k + 1; j >= 1; j--) {
                double pr = xr[j - 1] * invR - xi[j - 1] * invI;
                double pi = xr[j - 1] * invI + xi[j - 1] * invR;
                xr[j] -= pr;
                xi[j] -= pi;
            }
        }
        System.arraycopy(xr, 1, out, 0, q0);
        return out;
    }
}

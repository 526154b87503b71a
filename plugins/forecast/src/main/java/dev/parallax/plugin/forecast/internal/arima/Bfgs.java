package dev.parallax.plugin.forecast.internal.arima;

import java.util.function.ToDoubleFunction;

/**
 * A variable-metric (BFGS) minimiser, a line-for-line port of R's {@code vmmin} (src/appl/optim.c) with R's
 * {@code optim} conventions: central-difference gradients with step 1e-3 on parameters divided by {@code parscale},
 * at most 100 iterations, relative tolerance sqrt(machine epsilon).
 *
 * <p>Why hand-written and not a library: fitting ARIMA is this plugin's capability, and agreeing with R to 1e-3 in
 * the coefficients means following the path of R's optimiser from R's starting values, including its
 * finite-difference gradient, its backtracking line search and its restarts. Hipparchus and Commons Math have no
 * BFGS (only CG, Powell, BOBYQA and simplex methods), and a different method stops at a different point of the
 * often flat ARIMA likelihood.
 */
final class Bfgs {
    private static final double STEP_REDUCTION = 0.2;
    private static final double ACCEPT_TOLERANCE = 1e-4;
    private static final double REL_TEST = 10.0;
    private static final double NDEPS = 1e-3;
    static final int MAX_ITERATIONS = 100;
    private static final double REL_TOLERANCE = 1.490116119384765625e-8;

    /** The result of a minimisation, in the caller's (unscaled) units. */
    record Result(double[] par, double value, boolean converged) {}

    private final ToDoubleFunction<double[]> objective;
    private final double[] parscale;
    private final double[] unscaled;

    Bfgs(ToDoubleFunction<double[]> objective, double[] parscale) {
        this.objective = objective;
        this.parscale = parscale;
        this.unscaled = new double[parscale.length];
    }

    private double value(double[] scaled) {
        for (int i = 0; i < scaled.length; i++) {
            unscaled[i] = scaled[i] * parscale[i];
        }
        return objective.applyAsDouble(unscaled);
    }

    private void gradient(double[] scaled, double[] g) {
        for (int i = 0; i < scaled.length; i++) {
            double keep = scaled[i];
            scaled[i] = keep + NDEPS;
            double v1 = value(scaled);
            scaled[i] = keep - NDEPS;
            double v2 = value(scaled);
            scaled[i] = keep;
            g[i] = (v1 - v2) / (2 * NDEPS);
            if (!Double.isFinite(g[i])) {
                throw new ArithmeticException("non-finite finite-difference gradient of the likelihood at parameter "
                        + (i + 1) + ": the model cannot be evaluated near these values");
            }
        }
    }

    /** Minimises from {@code start} (unscaled). */
    Result minimise(double[] start, int maxit) {
        int n = start.length;
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = start[i] / parscale[i];
        }
        double f = value(b);
        if (!Double.isFinite(f)) {
            throw new ArithmeticException(
                    "the initial value of the objective is not finite: the starting coefficients are unusable");
        }
        if (maxit <= 0 || n == 0) {
            return new Result(start.clone(), f, true);
        }
        double fmin = f;
        double[] g = new double[n];
        double[] t = new double[n];
        double[] x = new double[n];
        double[] c = new double[n];
        double[][] bmat = new double[n][n];
        gradient(b, g);
        int gradcount = 1;
        int iter = 1;
        int ilast = gradcount;
        int count;
        do {
            if (ilast == gradcount) {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < i; j++) {
                        bmat[i][j] = 0;
                    }
                    bmat[i][i] = 1;
                }
            }
            for (int i = 0; i < n; i++) {
                x[i] = b[i];
                c[i] = g[i];
            }
            double gradproj = 0;
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j <= i; j++) {
                    s -= bmat[i][j] * g[j];
                }
                for (int j = i + 1; j < n; j++) {
                    s -= bmat[j][i] * g[j];
                }
                t[i] = s;
                gradproj += s * g[i];
            }
            if (gradproj < 0) {
                double steplength = 1.0;
                boolean accpoint = false;
                do {
                    count = 0;
                    for (int i = 0; i < n; i++) {
                        b[i] = x[i] + steplength * t[i];
                        if (REL_TEST + x[i] == REL_TEST + b[i]) {
                            count++;
                        }
                    }
                    if (count < n) {
                        f = value(b);
                        accpoint = Double.isFinite(f) && f <= fmin + gradproj * steplength * ACCEPT_TOLERANCE;
                        if (!accpoint) {
                            steplength *= STEP_REDUCTION;
                        }
                    }
                } while (!(count == n || accpoint));
                boolean enough = f > Double.NEGATIVE_INFINITY
                        && Math.abs(f - fmin) > REL_TOLERANCE * (Math.abs(fmin) + REL_TOLERANCE);
                if (!enough) {
                    count = n;
                    fmin = f;
                }
                if (count < n) {
                    fmin = f;
                    gradient(b, g);
                    gradcount++;
                    iter++;
                    double d1 = 0;
                    for (int i = 0; i < n; i++) {
                        t[i] = steplength * t[i];
                        c[i] = g[i] - c[i];
                        d1 += t[i] * c[i];
                    }
                    if (d1 > 0) {
                        double d2 = 0;
                        for (int i = 0; i < n; i++) {
                            double s = 0;
                            for (int j = 0; j <= i; j++) {
                                s += bmat[i][j] * c[j];
                            }
                            for (int j = i + 1; j < n; j++) {
                                s += bmat[j][i] * c[j];
                            }
                            x[i] = s;
                            d2 += s * c[i];
                        }
                        d2 = 1.0 + d2 / d1;
                        for (int i = 0; i < n; i++) {
                            for (int j = 0; j <= i; j++) {
                                bmat[i][j] += (d2 * t[i] * t[j] - x[i] * t[j] - t[i] * x[j]) / d1;
                            }
                        }
                    } else {
                        ilast = gradcount;
                    }
                } else if (ilast < gradcount) {
                    count = 0;
                    ilast = gradcount;
                }
            } else {
                count = 0;
                if (ilast == gradcount) {
                    count = n;
                } else {
                    ilast = gradcount;
                }
            }
            if (iter >= maxit) {
                break;
            }
            if (gradcount - ilast > 2 * n) {
                ilast = gradcount;
            }
        } while (count != n || ilast != gradcount);
        double[] par = new double[n];
        for (int i = 0; i < n; i++) {
            par[i] = b[i] * parscale[i];
        }
        return new Result(par, fmin, iter < maxit);
    }

    /** R's {@code optimhess}: the Hessian by central differences of the finite-difference gradient. */
    double[][] hessian(double[] par) {
        int n = par.length;
        double[] dpar = new double[n];
        for (int i = 0; i < n; i++) {
            dpar[i] = par[i] / parscale[i];
        }
        double[][] h = new double[n][n];
        double[] df1 = new double[n];
        double[] df2 = new double[n];
        for (int i = 0; i < n; i++) {
            double eps = NDEPS / parscale[i];
            dpar[i] += eps;
            gradient(dpar, df1);
            dpar[i] -= 2 * eps;
            gradient(dpar, df2);
            for (int j = 0; j < n; j++) {
                h[i][j] = (df1[j] - df2[j]) / (2 * eps * parscale[i] * parscale[j]);
            }
            dpar[i] += eps;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double mean = 0.5 * (h[i][j] + h[j][i]);
                h[i][j] = mean;
                h[j][i] = mean;
            }
        }
        return h;
    }
}

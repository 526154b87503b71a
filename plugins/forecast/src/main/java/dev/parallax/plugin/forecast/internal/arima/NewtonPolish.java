package dev.parallax.plugin.forecast.internal.arima;

import java.util.function.ToDoubleFunction;

/**
 * Newton steps from the point where {@link Bfgs} stopped, to sit at the optimum rather than within R's relative
 * tolerance of it.
 *
 * <p>Why: R's {@code optim} stops BFGS once an iteration improves the objective by less than sqrt(machine epsilon)
 * relative, which leaves the exact ML log-likelihood up to about 1e-6 below its maximum; stopping at the same
 * tolerance from a slightly different point, we ended below R's value on about half of a batch of fits. Near the
 * optimum the likelihood is close to quadratic, so one or two Newton steps with a finite-difference gradient and
 * Hessian land on the maximum to within the noise of evaluating it. The gradient's error e moves the step by
 * H⁻¹e, which costs ½ eᵀH⁻¹e in the objective.
 *
 * <p>A step is taken only when it lowers the objective (halving it up to {@value #HALVINGS} times otherwise), so the
 * result is never worse than the start. Where the finite-difference Hessian is indefinite or its step does not
 * lower the objective (near-cancelling AR and MA roots make the likelihood a curved ridge), the step is damped the
 * Levenberg-Marquardt way; when no damping helps, the point is kept as it is.
 */
final class NewtonPolish {
    /**
     * Difference step on the scaled parameters, for both gradient and Hessian. Measured on the benchmark's 1,000
     * ARIMA(1,1,1) fits: 1e-3 leaves a truncation error in the gradient that stops the polish early (66 fits still
     * below R's log-likelihood, by up to 2e-8); every step from 3e-4 to 1e-5 leaves 7 to 12 fits below it by at
     * most 2.8e-11, which is within the rounding noise of evaluating the likelihood itself (docs/forecast.md).
     */
    private static final double STEP = 1e-4;

    /**
     * Newton steps at most: each one squares the distance to the optimum, so two reach the rounding noise of the
     * likelihood from where BFGS stops. Measured on the benchmark's 1,000 fits: one costs about 10 evaluations of the
     * likelihood per fit (R's BFGS path and the Hessian for the standard errors, about 70) and leaves 18 fits below R's
     * by at most 3.0e-11; two cost 21 and leave 7 below by at most 1.9e-11; three cost 33 and leave 4 below by at
     * most 7.8e-12: differences within that noise, bought at a price in speed.
     */
    private static final int MAX_STEPS = 2;

    private static final int HALVINGS = 4;

    /** Changes of the objective below this, relative to it, are rounding: a step that gains less ends the polish. */
    private static final double NOISE = 1e-15;

    /** Levenberg-Marquardt dampings tried after the plain Newton step, from 1e-6 of the Hessian's diagonal up. */
    private static final int DAMPINGS = 8;

    /** Scaled parameters and the objective there. */
    private record Point(double[] scaled, double value) {}

    private final ToDoubleFunction<double[]> objective;
    private final double[] parscale;
    private final double[] unscaled;

    NewtonPolish(ToDoubleFunction<double[]> objective, double[] parscale) {
        this.objective = objective;
        this.parscale = parscale;
        this.unscaled = new double[parscale.length];
    }

    /** Polishes the minimum {@code result} found by BFGS; the result's value is the objective at its parameters. */
    Bfgs.Result polish(Bfgs.Result result) {
        int n = result.par().length;
        if (n == 0) {
            return result;
        }
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = result.par()[i] / parscale[i];
        }
        double f = result.value();
        for (int step = 0; step < MAX_STEPS; step++) {
            double[] g = new double[n];
            double[][] h = new double[n][n];
            if (!derivatives(b, f, g, h)) {
                break;
            }
            Point next = dampedStep(b, f, g, h);
            if (next == null) {
                break;
            }
            boolean negligible = f - next.value() <= NOISE * Math.max(1, Math.abs(f));
            b = next.scaled();
            f = next.value();
            if (negligible) {
                break;
            }
        }
        if (f >= result.value()) {
            return result;
        }
        double[] par = new double[n];
        for (int i = 0; i < n; i++) {
            par[i] = b[i] * parscale[i];
        }
        return new Bfgs.Result(par, f, result.converged());
    }

    /**
     * A point below f along the Newton direction -H⁻¹g, halving it while it does not lower f. Where H is not positive
     * definite (near-cancelling AR and MA roots make the likelihood a curved ridge, where the finite-difference
     * Hessian can be indefinite), along the Levenberg-Marquardt direction -(H + mu I)⁻¹g instead, mu raised tenfold
     * until it is positive definite and its step lowers f (also where the Newton step itself does not: at the
     * optimum that costs a few evaluations and sometimes finds a lower rounding of it). Null when no step lowers f.
     */
    private Point dampedStep(double[] b, double f, double[] g, double[][] h) {
        int n = b.length;
        double largest = 0;
        for (int i = 0; i < n; i++) {
            largest = Math.max(largest, Math.abs(h[i][i]));
        }
        double mu = 0;
        double[][] damped = new double[n][];
        for (int attempt = 0; attempt < DAMPINGS; attempt++) {
            for (int i = 0; i < n; i++) {
                damped[i] = h[i].clone();
                damped[i][i] += mu;
            }
            double[] direction = newtonDirection(damped, g);
            if (direction != null) {
                // A damped direction is already shortened by mu: one trial each, not the halvings.
                int trials = mu == 0 ? HALVINGS : 0;
                double scale = 1;
                for (int k = 0; k <= trials; k++, scale *= 0.5) {
                    double[] trial = new double[n];
                    for (int i = 0; i < n; i++) {
                        trial[i] = b[i] + scale * direction[i];
                    }
                    double ft = value(trial);
                    if (ft < f) {
                        return new Point(trial, ft);
                    }
                }
            }
            mu = mu == 0 ? 1e-6 * Math.max(largest, 1e-12) : 10 * mu;
        }
        return null;
    }

    private double value(double[] scaled) {
        for (int i = 0; i < scaled.length; i++) {
            unscaled[i] = scaled[i] * parscale[i];
        }
        return objective.applyAsDouble(unscaled);
    }

    /** Central-difference gradient and Hessian at b (objective f there); false if any value is not finite. */
    private boolean derivatives(double[] b, double f, double[] g, double[][] h) {
        int n = b.length;
        double[] plus = new double[n];
        double[] minus = new double[n];
        for (int i = 0; i < n; i++) {
            double keep = b[i];
            b[i] = keep + STEP;
            plus[i] = value(b);
            b[i] = keep - STEP;
            minus[i] = value(b);
            b[i] = keep;
            g[i] = (plus[i] - minus[i]) / (2 * STEP);
            h[i][i] = (plus[i] - 2 * f + minus[i]) / (STEP * STEP);
            if (!Double.isFinite(g[i]) || !Double.isFinite(h[i][i])) {
                return false;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double ki = b[i];
                double kj = b[j];
                double sum = 0;
                for (int s = 0; s < 4; s++) {
                    double si = (s & 1) == 0 ? 1 : -1;
                    double sj = (s & 2) == 0 ? 1 : -1;
                    b[i] = ki + si * STEP;
                    b[j] = kj + sj * STEP;
                    sum += si * sj * value(b);
                }
                b[i] = ki;
                b[j] = kj;
                h[i][j] = sum / (4 * STEP * STEP);
                h[j][i] = h[i][j];
                if (!Double.isFinite(h[i][j])) {
                    return false;
                }
            }
        }
        return true;
    }

    /** -H⁻¹g by Cholesky, or null when H is not positive definite. */
    static double[] newtonDirection(double[][] h, double[] g) {
        int n = g.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = h[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = -g[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * y[k];
            }
            y[i] = s / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }
}

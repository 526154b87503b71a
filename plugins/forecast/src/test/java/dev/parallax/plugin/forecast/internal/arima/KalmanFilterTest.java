package dev.parallax.plugin.forecast.internal.arima;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The steady-state shortcut of {@link KalmanFilter} against the full covariance recursion (R's), which is the same
 * filter told never to call the covariance converged.
 */
class KalmanFilterTest {
    /**
     * What the shortcut may move the log-likelihood terms, relatively. Geometric convergence alone would leave about
     * 1e-15; a model with two differences keeps a trace of R's finite diffuse prior (kappa = 1e6) that fades only
     * polynomially, and leaves a few 1e-12. R's finite kappa itself moves the likelihood by far more than this.
     */
    private static final double TOLERANCE = 1e-10;

    private static double worst;

    /**
     * Models of every structure the filter has (undifferenced, one and two differences, a seasonal difference, AR
     * only, MA only) with coefficients from mild to close to the unit circle, on random walks of 150 points: long
     * enough for mild models to converge early and for the others to converge late or not at all.
     */
    @Test
    void steadyStateShortcut_agreesWithTheFullRecursion() {
        SplittableRandom random = new SplittableRandom(20_240_611);
        double[][] deltas = {{}, {1}, {2, -1}, {0, 0, 0, 1}};
        int compared = 0;
        for (double[] delta : deltas) {
            for (double ar : new double[] {0, 0.3, -0.6, 0.9}) {
                for (double ma : new double[] {0, 0.2, -0.5, 0.85, 0.97}) {
                    double[] y = walk(random, 150, delta.length > 0);
                    compare(new double[] {ar}, new double[] {ma}, delta, y);
                    compare(new double[] {ar, -0.2}, new double[] {ma, 0.1}, delta, y);
                    compared += 2;
                }
            }
        }
        assertEquals(160, compared);
        System.out.printf("Steady-state shortcut: worst relative deviation of the log-likelihood terms %.1e%n", worst);
    }

    /** A missing value restarts the recursion: the shortcut must not carry its frozen gain across the gap. */
    @Test
    void missingValuesAfterConvergence_restartTheRecursion() {
        double[] y = walk(new SplittableRandom(7), 120, true);
        y[60] = Double.NaN;
        y[61] = Double.NaN;
        y[90] = Double.NaN;
        compare(new double[] {0.4}, new double[] {0.3}, new double[] {1}, y);
        compare(new double[] {0.4}, new double[] {0.3}, new double[0], y);
    }

    /** A mild model converges well before the end of its series; a nearly non-invertible one never does. */
    @Test
    void shortcut_isTakenOnlyOnceConverged() {
        double[] y = walk(new SplittableRandom(11), 100, true);
        double[] mild =
                KalmanFilter.run(StateSpace.of(new double[] {0.5}, new double[] {0.2}, new double[] {1}), y, null);
        double[] edge =
                KalmanFilter.run(StateSpace.of(new double[] {0.5}, new double[] {0.97}, new double[] {1}), y, null);
        // theta 0.2 shrinks the covariance's change by 0.04 a step: 1e-15 within about 12 steps.
        assertTrue(mild[3] > 80, "steady steps of the mild model: " + mild[3]);
        // theta 0.97 shrinks it by 0.94 a step: 1e-4 after 150 steps, never converged here.
        assertEquals(0, edge[3]);
    }

    private static void compare(double[] phi, double[] theta, double[] delta, double[] y) {
        StateSpace fast = StateSpace.of(phi, theta, delta);
        StateSpace full = StateSpace.of(phi, theta, delta);
        double[] fastResid = new double[y.length];
        double[] fullResid = new double[y.length];
        double[] shortcut = KalmanFilter.run(fast, y, fastResid);
        double[] recursion = KalmanFilter.run(full, y, fullResid, -1);
        String model = "phi " + java.util.Arrays.toString(phi) + ", theta " + java.util.Arrays.toString(theta)
                + ", delta " + java.util.Arrays.toString(delta);
        assertEquals(recursion[2], shortcut[2], model + ": observations counted");
        worst = Math.max(worst, Math.abs(recursion[0] - shortcut[0]) / Math.abs(recursion[0]));
        worst = Math.max(worst, Math.abs(recursion[1] - shortcut[1]) / (1 + Math.abs(recursion[1])));
        assertEquals(recursion[0], shortcut[0], TOLERANCE * Math.abs(recursion[0]), model + ": sum of squares");
        assertEquals(recursion[1], shortcut[1], TOLERANCE * (1 + Math.abs(recursion[1])), model + ": sum of logs");
        for (int t = 0; t < y.length; t++) {
            assertEquals(fullResid[t], fastResid[t], 1e-9, model + ": residual " + t);
        }
        // The state forecasts start from.
        assertArrayEquals(full.a, fast.a, 1e-9 * (1 + maxAbs(full.a)), model + ": final state");
        assertArrayEquals(full.P, fast.P, 1e-9 * (1 + maxAbs(full.P)), model + ": final covariance");
    }

    private static double maxAbs(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    private static double[] walk(SplittableRandom random, int n, boolean integrated) {
        double[] y = new double[n];
        double level = 0;
        for (int t = 0; t < n; t++) {
            double shock = random.nextDouble(-1, 1) + random.nextDouble(-1, 1);
            level = integrated ? level + shock : shock;
            y[t] = 10 + level;
        }
        return y;
    }
}

package dev.parallax.plugin.forecast.internal.arima;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The straight-line filter against the general one: the same numbers, to the bit (zeros may differ in sign). */
class SmallKalmanFilterTest {
    /**
     * Every model shape the small filter takes (ARIMA(0,1,1), (1,1,1), (2,1,0), (2,1,1): two ARMA states), with
     * random coefficients inside and near the edge of stationarity and invertibility, on random walks of 20 to 170
     * points with and without missing values, with the steady-state shortcut on and off: 1,600 runs.
     */
    @Test
    void everyShape_givesTheGeneralFiltersResults() {
        SplittableRandom random = new SplittableRandom(31);
        int runs = 0;
        for (int p = 0; p <= 2; p++) {
            for (int q = 0; q <= 1; q++) {
                if (Math.max(p, q + 1) != 2) {
                    continue;
                }
                for (int trial = 0; trial < 200; trial++) {
                    double[] phi = new double[p];
                    if (p > 0) {
                        phi[0] = random.nextDouble(-0.95, 0.95);
                    }
                    if (p > 1) {
                        phi[1] = random.nextDouble(-0.9, 0.9) * (1 - Math.abs(phi[0])); // stationary
                    }
                    double[] theta = q > 0 ? new double[] {random.nextDouble(-0.99, 0.99)} : new double[0];
                    double[] y = walk(random, 20 + random.nextInt(150), trial % 3 == 0);
                    for (double tolerance : new double[] {KalmanFilter.STEADY, -1}) {
                        compare(phi, theta, y, tolerance);
                        runs++;
                    }
                }
            }
        }
        assertEquals(1600, runs);
    }

    @Test
    void fits_onlyTwoArmaStatesAndOneDifference() {
        assertTrue(SmallKalmanFilter.fits(StateSpace.of(new double[] {0.5}, new double[] {0.3}, new double[] {1})));
        assertTrue(SmallKalmanFilter.fits(StateSpace.of(new double[] {0.5, 0.1}, new double[0], new double[] {1})));
        assertFalse(SmallKalmanFilter.fits(StateSpace.of(new double[] {0.5}, new double[0], new double[] {1})));
        assertFalse(SmallKalmanFilter.fits(StateSpace.of(new double[] {0.5}, new double[] {0.3}, new double[0])));
        assertFalse(
                SmallKalmanFilter.fits(StateSpace.of(new double[] {0.5}, new double[] {0.3}, new double[] {2, -1})));
        assertFalse(SmallKalmanFilter.fits(StateSpace.of(new double[0], new double[] {0.3, 0.2}, new double[] {1})));
    }

    private static void compare(double[] phi, double[] theta, double[] y, double tolerance) {
        double[] delta = {1};
        StateSpace small = StateSpace.of(phi, theta, delta);
        StateSpace general = StateSpace.of(phi, theta, delta);
        assertTrue(SmallKalmanFilter.fits(small));
        double[] smallResid = new double[y.length];
        double[] generalResid = new double[y.length];
        double[] a = SmallKalmanFilter.run(small, y, smallResid, tolerance);
        double[] b = KalmanFilter.runGeneral(general, y, generalResid, tolerance);
        String model = "phi " + java.util.Arrays.toString(phi) + ", theta " + java.util.Arrays.toString(theta);
        same(b, a, model + ": results");
        same(generalResid, smallResid, model + ": residuals");
        same(general.a, small.a, model + ": final state");
        same(general.P, small.P, model + ": final covariance");
    }

    /** Equal as numbers: {@code ==}, so that 0.0 and -0.0 are the same, and NaN where both are NaN. */
    private static void same(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            boolean equal = expected[i] == actual[i] || (Double.isNaN(expected[i]) && Double.isNaN(actual[i]));
            assertTrue(equal, what + " [" + i + "]: " + expected[i] + " vs " + actual[i]);
        }
    }

    private static double[] walk(SplittableRandom random, int n, boolean gaps) {
        double[] y = new double[n];
        double level = 50;
        for (int t = 0; t < n; t++) {
            level += random.nextDouble(-1, 1) + random.nextDouble(-1, 1);
            y[t] = gaps && random.nextInt(10) == 0 ? Double.NaN : level;
        }
        return y;
    }
}

package dev.parallax.plugin.forecast.internal.arima;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The Newton polish on functions whose minimum is known in closed form. */
class NewtonPolishTest {
    /** A correlated quadratic with its minimum at (0.3, -0.7), value 1.25, and a parscale of 10 on y. */
    private static double quadratic(double[] p) {
        double x = p[0] - 0.3;
        double y = p[1] + 0.7;
        return 1.25 + 2 * x * x + 1.5 * x * y + 0.5 * y * y;
    }

    @Test
    void quadratic_fromWhereBfgsMightStop_landsOnTheMinimum() {
        NewtonPolish polish = new NewtonPolish(NewtonPolishTest::quadratic, new double[] {1, 10});
        double[] start = {0.3 + 2e-4, -0.7 - 3e-4};
        Bfgs.Result result = polish.polish(new Bfgs.Result(start, quadratic(start), true));
        assertEquals(0.3, result.par()[0], 1e-9);
        assertEquals(-0.7, result.par()[1], 1e-9);
        assertEquals(quadratic(result.par()), result.value(), 0, "the value is the objective at the point");
        assertTrue(result.value() < quadratic(start));
    }

    @Test
    void curvedValley_withIndefiniteHessianAtTheStart_stillDescends() {
        // Rosenbrock's valley: at (-0.5, 0.5) the Hessian [[102, 200], [200, 200]] is indefinite, so only the
        // damped step can descend.
        NewtonPolish polish = new NewtonPolish(
                p -> 100 * Math.pow(p[1] - p[0] * p[0], 2) + Math.pow(1 - p[0], 2), new double[] {1, 1});
        double[] start = {-0.5, 0.5};
        double before = 100 * Math.pow(0.25, 2) + 2.25;
        assertNull(NewtonPolish.newtonDirection(new double[][] {{102, 200}, {200, 200}}, new double[] {1, 1}));
        Bfgs.Result result = polish.polish(new Bfgs.Result(start, before, true));
        assertTrue(result.value() < before, "from " + before + " to " + result.value());
    }

    @Test
    void minimum_alreadyReached_isReturnedUnchanged() {
        NewtonPolish polish = new NewtonPolish(NewtonPolishTest::quadratic, new double[] {1, 1});
        double[] start = {0.3, -0.7};
        Bfgs.Result at = new Bfgs.Result(start, quadratic(start), true);
        Bfgs.Result result = polish.polish(at);
        assertSame(at, result);
        assertArrayEquals(start, result.par());
    }
}

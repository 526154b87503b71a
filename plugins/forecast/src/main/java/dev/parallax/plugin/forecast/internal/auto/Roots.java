package dev.parallax.plugin.forecast.internal.auto;

import dev.parallax.api.forecast.ArimaModel;
import dev.parallax.plugin.forecast.internal.arima.FittedArima;
import dev.parallax.plugin.forecast.internal.arima.Polynomials;

/** The root check of {@code forecast:::myarima}: a model with an AR or MA root within 1.01 is rejected. */
final class Roots {
    private static final double MIN_ROOT = 1.01;
    private static final double NEGLIGIBLE = 1e-8;

    private Roots() {}

    static boolean tooClose(ArimaModel model) {
        if (!(model instanceof FittedArima fit)) {
            return false;
        }
        double min = 2;
        if (fit.spec().p() + fit.spec().seasonalP() > 0) {
            min = Math.min(min, minRoot(fit.phi(), -1));
        }
        if (fit.spec().q() + fit.spec().seasonalQ() > 0) {
            min = Math.min(min, minRoot(fit.theta(), 1));
        }
        return min < MIN_ROOT;
    }

    /** The smallest root modulus of 1 + sign * (c[0] z + c[1] z^2 + ...), trailing negligible terms dropped. */
    private static double minRoot(double[] c, int sign) {
        int last = c.length;
        while (last > 0 && Math.abs(c[last - 1]) <= NEGLIGIBLE) {
            last--;
        }
        if (last == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double[] poly = new double[last + 1];
        poly[0] = 1;
        for (int i = 0; i < last; i++) {
            poly[i + 1] = sign * c[i];
        }
        return Polynomials.minRootModulus(poly);
    }
}

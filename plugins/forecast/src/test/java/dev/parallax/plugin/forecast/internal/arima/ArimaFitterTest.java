package dev.parallax.plugin.forecast.internal.arima;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.forecast.ArimaModel;
import dev.parallax.api.forecast.ArimaSpec;
import dev.parallax.api.forecast.FitMethod;
import dev.parallax.api.forecast.Forecast;
import dev.parallax.api.forecast.Series;
import org.junit.jupiter.api.Test;

/** Errors and invariants of ARIMA fitting that the R comparison does not reach. */
class ArimaFitterTest {
    @Test
    void tooShortSeries_isRejectedWithLengthAndNeed() {
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class,
                () -> ArimaFitter.fit(Series.of("sku-17", new double[] {1, 2, 4, 3, 5}), ArimaSpec.of(2, 1, 2)));
        assertEquals("Series 'sku-17' has 5 points, too short for ARIMA(2,1,2): needs at least 9", error.getMessage());
    }

    @Test
    void nanWithoutMissingPolicy_isRejectedWithItsIndexAndTheFix() {
        double[] x = RReference.series("lh").toArray();
        x[12] = Double.NaN;
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class, () -> ArimaFitter.fit(Series.of("lh", x), ArimaSpec.of(1, 0, 0)));
        assertEquals(
                "Series 'lh' has value NaN at index 12: values must be finite (declare Missing.NAN to treat NaN as"
                        + " a missing value)",
                error.getMessage());
    }

    @Test
    void linearSeries_withDrift_isRejectedForZeroVariance() {
        // Differencing a straight line leaves a constant: a drift fits it exactly and sigma2 would be 0.
        double[] line = new double[30];
        for (int t = 0; t < line.length; t++) {
            line[t] = 3 + 2 * t;
        }
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class,
                () -> ArimaFitter.fit(
                        Series.of("line", line), ArimaSpec.of(0, 1, 1).withDrift(true)));
        assertEquals(
                "Series 'line' leaves no variation for ARIMA(0,1,1) with drift: after 1 differences and 0 seasonal"
                        + " differences every value is 2.0, so the innovations variance is 0",
                error.getMessage());
    }

    @Test
    void cssFitOfAnExplosiveSeries_isRejectedAsNonStationary() {
        // A random walk with strong drift fitted undifferenced by CSS: the AR root goes outside the unit circle.
        double[] x = new double[60];
        for (int t = 1; t < x.length; t++) {
            x[t] = x[t - 1] * 1.08 + 1;
        }
        ArithmeticException error = assertThrows(
                ArithmeticException.class,
                () -> ArimaFitter.fit(
                        Series.of("boom", x), ArimaSpec.of(1, 0, 0).withMethod(FitMethod.CSS)));
        assertTrue(
                error.getMessage().startsWith("Series 'boom' gives ARIMA(1,0,0) with mean a non-stationary AR"),
                error.getMessage());
    }

    @Test
    void predictionIntervals_atTwoLevels_areMeanPlusMinusZTimesSe() {
        ArimaModel model = ArimaFitter.fit(RReference.series("lh"), ArimaSpec.of(1, 0, 0));
        Forecast forecast = model.forecast(6, 0.95, 0.8);
        for (int h = 0; h < 6; h++) {
            double se = forecast.standardError()[h];
            assertEquals(
                    forecast.mean()[h] + 1.9599639845400536 * se,
                    forecast.intervals().get(0).upper()[h],
                    1e-12);
            assertEquals(
                    forecast.mean()[h] - 1.2815515655446008 * se,
                    forecast.intervals().get(1).lower()[h],
                    1e-12);
        }
        assertThrows(IllegalArgumentException.class, () -> model.forecast(0));
        assertThrows(IllegalArgumentException.class, () -> model.forecast(3, 95));
    }

    @Test
    void normalQuantile_inEachBranch_matchesRsQnorm() {
        // R's print(qnorm(c(0.95, 0.01, 0.999, 1e-16)), digits = 17): each branch of AS 241 once.
        assertEquals(0, Normal.quantile(0.5), 0);
        assertEquals(1.6448536269514715, Normal.quantile(0.95), 1e-15);
        assertEquals(-2.3263478740408408, Normal.quantile(0.01), 1e-15);
        assertEquals(3.0902323061678132, Normal.quantile(0.999), 1e-14);
        assertEquals(-8.2220822161304348, Normal.quantile(1e-16), 1e-12);
    }
}

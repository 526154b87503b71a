package dev.parallax.plugin.forecast.internal.arima;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.forecast.ArimaModel;
import dev.parallax.api.forecast.ArimaSpec;
import dev.parallax.api.forecast.Coefficient;
import dev.parallax.api.forecast.FitMethod;
import dev.parallax.api.forecast.Forecast;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares fits and forecasts with R's {@code arima()} and {@code predict()} on R's own datasets.
 *
 * <p>The cases (src/test/r/make-reference.R) cover what the issue names: AR, MA and ARMA with a mean (lh,
 * LakeHuron), differenced models (Nile, WWWusage, austres with drift), the airline model on log AirPassengers and
 * USAccDeaths plus a seasonal AR, a series with missing values (presidents, which forces ML; also differenced and
 * with a seasonal AR), a long one (sunspot.year, 289 values) and the CSS and ML methods besides the default
 * CSS-ML. Tolerances are the issue's: coefficients 1e-3, log-likelihood 1e-2 (absolute), 12-step forecasts and
 * their standard errors 1e-3 (relative to the value where it exceeds 1, so a forecast of 9000 deaths is held to
 * the same number of digits as one of 0.5).
 */
class ArimaAgreesWithRTest {
    static final double COEF = 1e-3;
    static final double LOGLIK = 1e-2;
    static final double FORECAST = 1e-3;

    static Stream<Map<String, String>> cases() {
        return RReference.table("cases.csv").stream();
    }

    static ArimaModel fit(Map<String, String> c) {
        ArimaSpec spec = new ArimaSpec(
                Integer.parseInt(c.get("p")),
                Integer.parseInt(c.get("d")),
                Integer.parseInt(c.get("q")),
                Integer.parseInt(c.get("P")),
                Integer.parseInt(c.get("D")),
                Integer.parseInt(c.get("Q")),
                Integer.parseInt(c.get("period")),
                Boolean.parseBoolean(c.get("mean")),
                Boolean.parseBoolean(c.get("drift")),
                FitMethod.valueOf(c.get("method").replace('-', '_')));
        return ArimaFitter.fit(RReference.series(c.get("series")), spec);
    }

    static List<Map<String, String>> reference(String caseName, String quantity) {
        return RReference.table("arima-reference.csv").stream()
                .filter(r -> r.get("case").equals(caseName) && r.get("quantity").equals(quantity))
                .toList();
    }

    static double scalar(String caseName, String quantity) {
        return RReference.number(reference(caseName, quantity).getFirst().get("value"));
    }

    static void near(double expected, double actual, double tolerance, String what) {
        near(expected, actual, tolerance, Math.max(1, Math.abs(expected)), what);
    }

    static void near(double expected, double actual, double tolerance, double scale, String what) {
        assertTrue(
                Math.abs(expected - actual) <= tolerance * scale,
                what + ": R has " + expected + ", we have " + actual + " (tolerance " + tolerance + ")");
    }

    /** The largest deviation seen so far of one quantity, and where. */
    private static final class Worst {
        double deviation;
        String where = "none";

        void see(double expected, double actual, double scale, String at) {
            double d = Math.abs(expected - actual) / scale;
            if (d > deviation) {
                deviation = d;
                where = at;
            }
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%.2e (%s)", deviation, where);
        }
    }

    @Test
    void worstDeviations_overAllCases_areWithinTheIssuesTolerances() {
        Worst coef = new Worst();
        Worst coefSe = new Worst();
        Worst loglik = new Worst();
        Worst fc = new Worst();
        Worst fcSe = new Worst();
        cases().forEach(c -> {
            String name = c.get("case");
            ArimaModel model = fit(c);
            List<Map<String, String>> coefs = reference(name, "coef");
            List<Map<String, String>> ses = reference(name, "se");
            for (int i = 0; i < coefs.size(); i++) {
                double e = RReference.number(coefs.get(i).get("value"));
                coef.see(e, model.coefficients().get(i).estimate(), Math.max(1, Math.abs(e)), name);
                double se = RReference.number(ses.get(i).get("value"));
                coefSe.see(se, model.coefficients().get(i).standardError(), Math.max(1, Math.abs(se)), name);
            }
            loglik.see(scalar(name, "loglik"), model.logLikelihood(), 1, name);
            Forecast forecast = model.forecast(12);
            List<Map<String, String>> mean = reference(name, "forecast");
            List<Map<String, String>> se = reference(name, "forecast_se");
            for (int h = 0; h < 12; h++) {
                double m = RReference.number(mean.get(h).get("value"));
                fc.see(m, forecast.mean()[h], Math.max(1, Math.abs(m)), name);
                double s = RReference.number(se.get(h).get("value"));
                fcSe.see(s, forecast.standardError()[h], Math.max(1, Math.abs(s)), name);
            }
        });
        System.out.println("Worst deviation from R: coefficients " + coef + ", coefficient s.e. " + coefSe
                + ", log-likelihood " + loglik + ", forecasts " + fc + ", forecast s.e. " + fcSe);
        assertTrue(coef.deviation <= COEF, "coefficients " + coef);
        assertTrue(coefSe.deviation <= COEF, "coefficient standard errors " + coefSe);
        assertTrue(loglik.deviation <= LOGLIK, "log-likelihood " + loglik);
        assertTrue(fc.deviation <= FORECAST, "forecasts " + fc);
        assertTrue(fcSe.deviation <= FORECAST, "forecast s.e. " + fcSe);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void coefficients_onRsDatasets_matchArimaWithin1e3(Map<String, String> c) {
        ArimaModel model = fit(c);
        List<Map<String, String>> expected = reference(c.get("case"), "coef");
        assertEquals(expected.size(), model.coefficients().size(), "coefficient count");
        for (int i = 0; i < expected.size(); i++) {
            Coefficient coefficient = model.coefficients().get(i);
            assertEquals(expected.get(i).get("name"), coefficient.name());
            near(RReference.number(expected.get(i).get("value")), coefficient.estimate(), COEF, coefficient.name());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void logLikelihood_onRsDatasets_matchesArimaWithin1e2(Map<String, String> c) {
        ArimaModel model = fit(c);
        near(scalar(c.get("case"), "loglik"), model.logLikelihood(), LOGLIK, 1, "log-likelihood");
        double aic = scalar(c.get("case"), "aic");
        if (Double.isNaN(aic)) {
            assertTrue(Double.isNaN(model.aic()), "CSS fits have no AIC, as in R");
        } else {
            near(aic, model.aic(), 2 * LOGLIK, 1, "AIC");
        }
    }

    /** R's BFGS stops within its tolerance of the optimum; the Newton polish after ours must not end below it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void logLikelihood_ofLikelihoodFits_isAtLeastRs(Map<String, String> c) {
        if (c.get("method").equals("CSS")) {
            return; // a CSS fit's log-likelihood is the conditional one, maximised by the same BFGS path as R's
        }
        ArimaModel model = fit(c);
        double theirs = scalar(c.get("case"), "loglik");
        assertTrue(
                model.logLikelihood() >= theirs,
                c.get("case") + ": R's log-likelihood " + theirs + ", ours " + model.logLikelihood());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void forecasts_onRsDatasets_matchPredictWithin1e3(Map<String, String> c) {
        ArimaModel model = fit(c);
        Forecast forecast = model.forecast(12, 0.95);
        List<Map<String, String>> mean = reference(c.get("case"), "forecast");
        List<Map<String, String>> se = reference(c.get("case"), "forecast_se");
        for (int h = 0; h < 12; h++) {
            near(RReference.number(mean.get(h).get("value")), forecast.mean()[h], FORECAST, "forecast " + (h + 1));
            near(RReference.number(se.get(h).get("value")), forecast.standardError()[h], FORECAST, "s.e. " + (h + 1));
        }
    }
}

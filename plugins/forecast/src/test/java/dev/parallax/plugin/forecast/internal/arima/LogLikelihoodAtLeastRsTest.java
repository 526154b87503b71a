package dev.parallax.plugin.forecast.internal.arima;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.forecast.ArimaModel;
import dev.parallax.api.forecast.ArimaSpec;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 6 asks for a log-likelihood at least as high as R's on each series of the benchmark batch. These are the
 * batch's series (benchmarks/forecast, seed 42) on which the fit, stopping at R's optimiser tolerance, used to end
 * furthest below R's optimum (s796 by 6.4e-7, s6 by 5.0e-8, down to s117 by 2.6e-9), plus s892, whose AR and MA roots
 * nearly cancel so that the likelihood is a curved ridge with an indefinite finite-difference Hessian. R's values
 * are in batch-arima-reference.csv (src/test/r/make-reference.R), at full precision; the comparison has no
 * tolerance.
 *
 * <p>On s892 the likelihood keeps rising along the ridge towards the MA unit root: R's BFGS stops on the ridge at
 * ar1 0.9963, the polish climbs further (ar1 0.9949, log-likelihood 4.0e-4 higher), so its coefficients are not
 * held to R's there.
 */
class LogLikelihoodAtLeastRsTest {
    /** Series whose likelihood has no interior maximum near R's stopping point (see above). */
    private static final Set<String> RIDGE = Set.of("s892");

    static Stream<Map<String, String>> series() {
        return RReference.table("batch-series.csv").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("series")
    void arima111CssMl_onBatchSeries_reachesAtLeastRsLogLikelihood(Map<String, String> row) {
        String name = row.get("series");
        double[] x = row.entrySet().stream()
                .filter(e -> !e.getKey().equals("series"))
                .mapToDouble(e -> Double.parseDouble(e.getValue()))
                .toArray();
        assertEquals(100, x.length, "points of " + name);
        Map<String, String> r = RReference.table("batch-arima-reference.csv").stream()
                .filter(ref -> ref.get("series").equals(name))
                .findFirst()
                .orElseThrow();
        ArimaModel model = ArimaFitter.fit(name, x, ArimaSpec.of(1, 1, 1));
        double theirs = Double.parseDouble(r.get("loglik"));
        assertTrue(
                model.logLikelihood() >= theirs,
                name + ": R's log-likelihood " + theirs + ", ours " + model.logLikelihood() + ", short by "
                        + (theirs - model.logLikelihood()));
        if (RIDGE.contains(name)) {
            return;
        }
        // The same optimum, not a different one that happens to be higher.
        ArimaAgreesWithRTest.near(
                Double.parseDouble(r.get("ar1")),
                model.coefficients().get(0).estimate(),
                ArimaAgreesWithRTest.COEF,
                "ar1 of " + name);
        ArimaAgreesWithRTest.near(
                Double.parseDouble(r.get("ma1")),
                model.coefficients().get(1).estimate(),
                ArimaAgreesWithRTest.COEF,
                "ma1 of " + name);
    }
}

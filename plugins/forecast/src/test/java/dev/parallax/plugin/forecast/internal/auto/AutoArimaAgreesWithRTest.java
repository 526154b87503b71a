package dev.parallax.plugin.forecast.internal.auto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parallax.api.forecast.ArimaModel;
import dev.parallax.api.forecast.ArimaSpec;
import dev.parallax.api.forecast.AutoArimaOptions;
import dev.parallax.api.forecast.Series;
import dev.parallax.plugin.forecast.internal.arima.RReference;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares automatic order selection with {@code forecast::auto.arima} at its defaults.
 *
 * <p>The series (src/test/r/make-reference.R) exercise each branch: no differencing with a mean (lh, lynx), one
 * difference chosen by KPSS (LakeHuron, Nile, WWWusage), two (austres), seasonal differencing chosen by the STL
 * strength test (USAccDeaths, log AirPassengers) and the CSS approximation for a long series (sunspot.year, 289
 * values).
 */
class AutoArimaAgreesWithRTest {
    static Stream<Map<String, String>> series() {
        return RReference.table("auto-arima-reference.csv").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("series")
    void unitRootTests_onRsDatasets_chooseRsDifferences(Map<String, String> row) {
        Series series = RReference.series(row.get("series"));
        double[] x = series.toArray();
        assertEquals(Integer.parseInt(row.get("ndiffs")), Differencing.ndiffs(x, 2), "ndiffs");
        int nsdiffs = series.period() > 1 ? Differencing.nsdiffs(x, series.period(), 1) : 0;
        assertEquals(Integer.parseInt(row.get("nsdiffs")), nsdiffs, "nsdiffs");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("series")
    void stepwiseSearch_onRsDatasets_choosesRsOrders(Map<String, String> row) {
        ArimaModel model = AutoArima.fit(RReference.series(row.get("series")), AutoArimaOptions.defaults());
        ArimaSpec spec = model.spec();
        String expected = row.get("p") + "," + row.get("d") + "," + row.get("q") + " " + row.get("P") + ","
                + row.get("D") + "," + row.get("Q") + " constant=" + Boolean.parseBoolean(row.get("constant"));
        String actual = spec.p() + "," + spec.d() + "," + spec.q() + " " + spec.seasonalP() + "," + spec.seasonalD()
                + "," + spec.seasonalQ() + " constant=" + (spec.hasMean() || spec.hasDrift());
        assertEquals(expected, actual, "orders");
        assertEquals(Double.parseDouble(row.get("loglik")), model.logLikelihood(), 1e-2, "log-likelihood");
    }
}

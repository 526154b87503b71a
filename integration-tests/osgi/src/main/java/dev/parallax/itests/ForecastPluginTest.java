package dev.parallax.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.forecast.ArimaModel;
import dev.parallax.api.forecast.ArimaSpec;
import dev.parallax.api.forecast.Forecast;
import dev.parallax.api.forecast.Forecaster;
import dev.parallax.api.forecast.Series;
import dev.parallax.api.pipeline.ElementDescription;
import dev.parallax.api.pipeline.Pipeline;
import dev.parallax.api.pipeline.PipelineEvent;
import dev.parallax.api.pipeline.PipelineState;
import dev.parallax.api.pipeline.Pipelines;
import dev.parallax.api.plugin.PluginQuery;
import dev.parallax.api.plugin.PluginRegistry;
import dev.parallax.api.plugin.PluginService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * The forecast plugin inside a real framework (felix, equinox, and felix without the Vector API module): its
 * {@link Forecaster} service is found through the plugin registry and fits as R does, and its pipeline elements
 * ({@code seriesparse}, {@code forecast}) run from a CSV file to a CSV forecast.
 *
 * <p>The reference is R's: WWWusage (100 values, R's dataset) and R's {@code arima(x, c(1,1,1))} and
 * {@code predict(fit, 12)} of it, from the forecast plugin's committed R reference (its make-reference.R), which
 * travels inside this test bundle. ARIMA(1,1,1) on WWWusage because it is the differenced ARMA the batch
 * fits, on a series whose likelihood has a clear interior optimum, so 1e-3 (the tolerance) is meaningful.
 */
@ExtendWith(ServiceExtension.class)
@Timeout(60)
class ForecastPluginTest {
    /** The tolerance for coefficients and forecasts (relative above 1). */
    private static final double TOLERANCE = 1e-3;

    private static final String CASE = "arima111_wwwusage";

    @InjectService
    PluginRegistry registry;

    @InjectService
    Pipelines pipelines;

    @TempDir
    Path folder;

    @Test
    void forecaster_foundThroughTheRegistry_fitsWwwUsageAsR() {
        try (PluginService<Forecaster> forecaster = registry.acquire(
                        PluginQuery.capability("forecast"), Forecaster.class)
                .orElseThrow()) {
            assertEquals("forecast.forecaster", forecaster.plugin().id());
            ArimaModel model = forecaster.get().fit(Series.of("WWWusage", wwwUsage()), ArimaSpec.of(1, 1, 1));
            near(reference("coef", "ar1"), model.coefficients().get(0).estimate(), "ar1");
            near(reference("coef", "ma1"), model.coefficients().get(1).estimate(), "ma1");
            double rLogLik = reference("loglik", "");
            assertTrue(
                    model.logLikelihood() >= rLogLik,
                    "log-likelihood: R has " + rLogLik + ", we have " + model.logLikelihood());
            Forecast forecast = model.forecast(12);
            for (int h = 1; h <= 12; h++) {
                near(reference("forecast", Integer.toString(h)), forecast.mean()[h - 1], "forecast " + h);
            }
        }
    }

    @Test
    void forecastPipeline_fromCsvToCsv_runsToFinishedWithRsForecast() throws Exception {
        List<String> names =
                pipelines.elements().stream().map(ElementDescription::name).toList();
        assertTrue(names.containsAll(List.of("seriesparse", "forecast")), names.toString());
        Path input = folder.resolve("WWWusage.csv");
        Files.write(input, resource("series/WWWusage.csv"));
        Path output = folder.resolve("forecast.csv");
        try (Pipeline pipeline = pipelines.parse("filesrc location=" + input + " ! seriesparse"
                + " ! forecast order=1,1,1 horizon=12 ! filesink location=" + output)) {
            List<PipelineEvent> events = new CopyOnWriteArrayList<>();
            pipeline.subscribe(events::add);
            pipeline.start();
            assertEquals(PipelineState.FINISHED, pipeline.await(Duration.ofSeconds(30)), events::toString);
        }
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertEquals("step,mean,se,lo80,hi80,lo95,hi95", lines.getFirst());
        assertEquals(13, lines.size(), "a header and 12 steps: " + lines);
        for (int h = 1; h <= 12; h++) {
            String[] cells = lines.get(h).split(",");
            assertEquals(Integer.toString(100 + h), cells[0], "the time index goes on after the 100 values");
            near(reference("forecast", Integer.toString(h)), Double.parseDouble(cells[1]), "mean " + h);
            near(reference("forecast_se", Integer.toString(h)), Double.parseDouble(cells[2]), "se " + h);
        }
    }

    private static void near(double expected, double actual, String what) {
        assertTrue(
                Math.abs(expected - actual) <= TOLERANCE * Math.max(1, Math.abs(expected)),
                what + ": R has " + expected + ", we have " + actual);
    }

    /** WWWusage as the R reference wrote it: a header "value", then one number a line. */
    private static double[] wwwUsage() {
        String[] lines = new String(resource("series/WWWusage.csv"), StandardCharsets.UTF_8).split("\n");
        List<Double> values = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                values.add(Double.parseDouble(lines[i].trim()));
            }
        }
        assertEquals(100, values.size(), "WWWusage has 100 values");
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** R's value of {@code quantity} (coef, loglik, forecast, ...) named {@code name} for the case. */
    private static double reference(String quantity, String name) {
        String prefix = CASE + "," + quantity + "," + name + ",";
        for (String line : new String(resource("arima-reference.csv"), StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith(prefix)) {
                return Double.parseDouble(line.substring(prefix.length()).trim());
            }
        }
        throw new IllegalStateException("No R reference row starting '" + prefix + "'");
    }

    private static byte[] resource(String path) {
        try (InputStream in = ForecastPluginTest.class.getResourceAsStream("/forecast-r/" + path)) {
            if (in == null) {
                throw new IllegalStateException("Missing /forecast-r/" + path + " in the test bundle");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

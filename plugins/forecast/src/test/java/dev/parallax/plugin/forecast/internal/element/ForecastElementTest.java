package dev.parallax.plugin.forecast.internal.element;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.forecast.ArimaSpec;
import dev.parallax.api.forecast.AutoArimaOptions;
import dev.parallax.api.forecast.FitMethod;
import dev.parallax.api.forecast.Forecast;
import dev.parallax.api.forecast.Series;
import dev.parallax.api.pipeline.Element;
import dev.parallax.plugin.forecast.internal.ForecastPluginAccess;
import dev.parallax.plugin.forecast.internal.arima.RReference;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code forecast} element driven as the engine drives it, its output compared with the {@code Forecaster}
 * service's own results for the same series: they must be the same doubles.
 */
class ForecastElementTest {
    private final ForecastElementFactory factory = new ForecastElementFactory();

    /** Runs the element over one series buffer and returns the text it pushed. */
    private String run(Element element, double[] values, Format input) throws Exception {
        assertEquals(List.of(ForecastElement.TEXT), element.negotiate(List.of(input), 1));
        element.start(Harness.context("forecast0", List.of(input), List.of(ForecastElement.TEXT)));
        Harness.Recording output = new Harness.Recording();
        Buffer buffer = Harness.series(values, input);
        element.process(0, buffer, output);
        assertTrue(buffer.isReleased(), "the element owns its input and must release it");
        element.endOfStream(output);
        element.stop();
        assertEquals(1, output.buffers.size());
        Buffer out = output.buffers.getFirst();
        assertEquals(ForecastElement.TEXT, out.metadata().format());
        String text = Harness.text(out);
        out.release();
        return text;
    }

    /** Each cell of the table is the service's double, exactly; steps go on from the series' end. */
    private static void assertTable(Forecast expected, int firstStep, String text) {
        String[] lines = text.split("\n");
        assertEquals(ForecastTable.HEADER, lines[0]);
        assertEquals(expected.horizon() + 1, lines.length);
        for (int h = 0; h < expected.horizon(); h++) {
            String[] cells = lines[h + 1].split(",");
            assertEquals(Integer.toString(firstStep + h), cells[0]);
            assertEquals(expected.mean()[h], Double.parseDouble(cells[1]), "mean " + h);
            assertEquals(expected.standardError()[h], Double.parseDouble(cells[2]), "se " + h);
            assertEquals(expected.intervals().get(0).lower()[h], Double.parseDouble(cells[3]), "lo80 " + h);
            assertEquals(expected.intervals().get(0).upper()[h], Double.parseDouble(cells[4]), "hi80 " + h);
            assertEquals(expected.intervals().get(1).lower()[h], Double.parseDouble(cells[5]), "lo95 " + h);
            assertEquals(expected.intervals().get(1).upper()[h], Double.parseDouble(cells[6]), "hi95 " + h);
        }
    }

    @Test
    void airlineModel_emitsTheServicesForecastExactly() throws Exception {
        Series air = RReference.series("logAirPassengers");
        Element element = factory.create(Harness.properties(
                ForecastElementFactory.DESCRIPTION, "order=0,1,1", "seasonal=0,1,1,12", "horizon=12"));
        String text = run(element, air.toArray(), Format.of("f64-series"));
        Forecast expected = ForecastPluginAccess.plugin()
                .fit(air, ArimaSpec.of(0, 1, 1).withSeasonal(0, 1, 1, 12))
                .forecast(12, 0.8, 0.95);
        assertTable(expected, air.length() + 1, text);
    }

    @Test
    void autoOrder_takesThePeriodFromTheInputFrequency() throws Exception {
        Series deaths = RReference.series("USAccDeaths");
        Element element = factory.create(Harness.properties(ForecastElementFactory.DESCRIPTION, "horizon=6"));
        String text = run(element, deaths.toArray(), F64Series.format(12));
        Forecast expected = ForecastPluginAccess.plugin()
                .autoFit(deaths.withPeriod(12), AutoArimaOptions.defaults())
                .forecast(6, 0.8, 0.95);
        assertTable(expected, deaths.length() + 1, text);
    }

    @Test
    void missingValues_areFittedAsR_doesByMl() throws Exception {
        // presidents has NA: CSS-ML becomes ML, in the service as in R.
        Series presidents = RReference.series("presidents");
        Element element =
                factory.create(Harness.properties(ForecastElementFactory.DESCRIPTION, "order=1,0,0", "method=css-ml"));
        String text = run(element, presidents.toArray(), Format.of("f64-series"));
        Forecast expected = ForecastPluginAccess.plugin()
                .fit(presidents, ArimaSpec.of(1, 0, 0).withMethod(FitMethod.CSS_ML))
                .forecast(12, 0.8, 0.95);
        assertTable(expected, presidents.length() + 1, text);
    }

    @Test
    void tooShortSeries_failsNamingTheSeriesAndReleasesTheBuffer() throws Exception {
        Element element = factory.create(Harness.properties(ForecastElementFactory.DESCRIPTION, "order=2,1,2"));
        Format input = Format.of("f64-series");
        element.negotiate(List.of(input), 1);
        element.start(Harness.context("forecast0", List.of(input), List.of(ForecastElement.TEXT)));
        Buffer buffer = Harness.series(new double[] {1, 2, 4, 3, 5}, input);
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> element.process(0, buffer, new Harness.Recording()));
        assertEquals(
                "Series 'forecast0#0' has 5 points, too short for ARIMA(2,1,2): needs at least 9", error.getMessage());
        assertTrue(buffer.isReleased());
    }

    @Test
    void bufferOfPartialValues_isRejected() throws Exception {
        Element element = factory.create(Harness.properties(ForecastElementFactory.DESCRIPTION, "order=0,1,1"));
        Format input = Format.of("f64-series");
        element.negotiate(List.of(input), 1);
        element.start(Harness.context("forecast0", List.of(input), List.of(ForecastElement.TEXT)));
        Buffer buffer = Harness.buffer(new byte[13], input, 0);
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> element.process(0, buffer, new Harness.Recording()));
        assertEquals(
                "Element 'forecast0' got an f64-series buffer of 13 bytes: a series holds 8 bytes per value",
                error.getMessage());
        assertTrue(buffer.isReleased());
    }

    @Test
    void badOrder_isRejectedNamingThePropertyAndTheRule() {
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class,
                () -> factory.create(Harness.properties(ForecastElementFactory.DESCRIPTION, "order=1,x,1")));
        assertEquals(
                "Element 'forecast' property 'order' value '1,x,1' is not p,d,q: 3 whole numbers separated by"
                        + " commas, orders from 0 to 50, e.g. 1,1,1, or auto",
                error.getMessage());
    }

    @Test
    void seasonalWithAutoOrder_isRejected() {
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class,
                () -> factory.create(Harness.properties(ForecastElementFactory.DESCRIPTION, "seasonal=0,1,1,12")));
        assertTrue(error.getMessage().startsWith("Element 'forecast' property 'order' is auto"), error.getMessage());
    }

    @Test
    void badFrequency_isRejectedAtNegotiation() {
        Element element = factory.create(Harness.properties(ForecastElementFactory.DESCRIPTION));
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class,
                () -> element.negotiate(List.of(Format.of("f64-series").with("frequency", "monthly")), 1));
        assertEquals(
                "Element 'forecast' input f64-series(frequency=monthly) has frequency 'monthly': the seasonal period is"
                        + " a whole number of at least 1",
                error.getMessage());
    }

    @Test
    void description_acceptsSeriesAndProducesText() {
        var pads = ForecastElementFactory.DESCRIPTION.pads();
        assertTrue(pads.get(0).caps().accepts(F64Series.format(12)));
        assertTrue(pads.get(1).caps().accepts(ForecastElement.TEXT));
        assertTrue(ForecastElementFactory.DESCRIPTION.swappable(), "it holds nothing between buffers");
    }
}

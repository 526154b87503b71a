package dev.parallax.plugin.forecast.internal.element;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.forecast.ArimaSpec;
import dev.parallax.api.forecast.Forecast;
import dev.parallax.api.forecast.Series;
import dev.parallax.api.pipeline.Element;
import dev.parallax.plugin.forecast.internal.ForecastPluginAccess;
import dev.parallax.plugin.forecast.internal.arima.RReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code seriesparse} element fed a CSV file in blocks, as {@code filesrc} sends one, and chained into
 * {@code forecast} as the example pipeline chains them.
 */
class SeriesParseElementTest {
    /** The repository root: tests run in the module's folder. */
    private static final Path ROOT = Path.of("../..");

    private static final Path AIR = ROOT.resolve("plugins/forecast/src/test/resources/r/series/logAirPassengers.csv");

    /** Sends {@code csv} in blocks of {@code block} bytes (cutting rows and numbers anywhere) and returns the output. */
    private static Buffer parse(Element element, byte[] csv, int block) throws Exception {
        Format bytes = Format.BYTES;
        List<Format> out = element.negotiate(List.of(bytes), 1);
        element.start(Harness.context("seriesparse0", List.of(bytes), out));
        Harness.Recording output = new Harness.Recording();
        for (int at = 0; at < csv.length; at += block) {
            Buffer buffer = Harness.buffer(Arrays.copyOfRange(csv, at, Math.min(csv.length, at + block)), bytes, at);
            element.process(0, buffer, output);
            assertTrue(buffer.isReleased());
            assertTrue(output.buffers.isEmpty(), "nothing before the end of the stream");
        }
        element.endOfStream(output);
        element.stop();
        assertEquals(1, output.buffers.size());
        Buffer series = output.buffers.getFirst();
        assertEquals(out.getFirst(), series.metadata().format());
        return series;
    }

    private static Element element(String... settings) {
        return new SeriesParseFactory().create(Harness.properties(SeriesParseFactory.DESCRIPTION, settings));
    }

    @Test
    void fileInOddBlocks_isTheSeriesTheCsvReaderReads() throws Exception {
        // Blocks of 7 bytes cut the header, the numbers and the line ends at every place.
        Buffer out = parse(element("period=12"), Files.readAllBytes(AIR), 7);
        assertEquals(F64Series.format(12), out.metadata().format());
        assertArrayEquals(RReference.series("logAirPassengers").toArray(), F64Series.values("test", out));
        out.release();
    }

    @Test
    void namedColumnWithMissingCells_givesNaN() throws Exception {
        byte[] csv = "day,\"visits, web\",sales\n1,10,3\n2,NA,4\n3,,5\n4,12.5,6\n".getBytes(StandardCharsets.UTF_8);
        Buffer out = parse(element("column=visits, web"), csv, 5);
        assertEquals(Format.of("f64-series"), out.metadata().format());
        assertArrayEquals(new double[] {10, Double.NaN, Double.NaN, 12.5}, F64Series.values("test", out));
        out.release();
    }

    @Test
    void nonNumericCell_failsAtTheEndNamingTheLineAndColumn() throws Exception {
        Element element = element();
        element.negotiate(List.of(Format.BYTES), 1);
        element.start(Harness.context("seriesparse0", List.of(Format.BYTES), List.of(F64Series.format(1))));
        Harness.Recording output = new Harness.Recording();
        element.process(
                0, Harness.buffer("value\n1\n2\nthree\n".getBytes(StandardCharsets.UTF_8), Format.BYTES, 0), output);
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> element.endOfStream(output));
        assertEquals(
                "CSV for series 'seriesparse0' has 'three' on line 4, column 'value': a value must be a number,"
                        + " empty, NA or NaN",
                error.getMessage());
        assertTrue(output.buffers.isEmpty());
    }

    @Test
    void invalidUtf8_isRejected() throws Exception {
        Element element = element();
        element.negotiate(List.of(Format.BYTES), 1);
        element.start(Harness.context("seriesparse0", List.of(Format.BYTES), List.of(F64Series.format(1))));
        Harness.Recording output = new Harness.Recording();
        element.process(0, Harness.buffer(new byte[] {'1', '\n', (byte) 0xff, '\n'}, Format.BYTES, 0), output);
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> element.endOfStream(output));
        assertTrue(
                error.getMessage().startsWith("Element 'seriesparse0' got text that is not UTF-8"), error.getMessage());
    }

    @Test
    void description_isNotSwappable_andTakesTextOrBytes() {
        assertFalse(SeriesParseFactory.DESCRIPTION.swappable(), "it gathers the whole file before parsing");
        assertTrue(SeriesParseFactory.DESCRIPTION.pads().get(0).caps().accepts(Format.of("utf8-text")));
        assertTrue(SeriesParseFactory.DESCRIPTION.pads().get(0).caps().accepts(Format.BYTES));
    }

    /**
     * The example pipeline without its file elements: the file's bytes through seriesparse and forecast with the
     * example's properties give the service's forecast of the file's series.
     */
    @Test
    void examplePipeline_forecastsTheFileAsTheServiceDoes() throws Exception {
        String example = ForecastElementFactory.DESCRIPTION.example();
        int from = example.indexOf("location=") + "location=".length();
        String location = example.substring(from, example.indexOf(' ', from));
        assertTrue(Files.isRegularFile(ROOT.resolve(location)), "the example's file exists: " + location);
        Buffer series = parse(element(), Files.readAllBytes(ROOT.resolve(location)), 4096);
        Element forecast = new ForecastElementFactory()
                .create(Harness.properties(
                        ForecastElementFactory.DESCRIPTION, "order=0,1,1", "seasonal=0,1,1,12", "horizon=12"));
        Format format = series.metadata().format();
        forecast.negotiate(List.of(format), 1);
        forecast.start(Harness.context("forecast0", List.of(format), List.of(ForecastElement.TEXT)));
        Harness.Recording output = new Harness.Recording();
        forecast.process(0, series, output);
        String[] lines = Harness.text(output.buffers.getFirst()).split("\n");
        output.buffers.getFirst().release();
        Series air = RReference.series("logAirPassengers");
        Forecast expected = ForecastPluginAccess.plugin()
                .fit(air, ArimaSpec.of(0, 1, 1).withSeasonal(0, 1, 1, 12))
                .forecast(12, 0.8, 0.95);
        assertEquals(13, lines.length);
        for (int h = 0; h < 12; h++) {
            assertEquals(expected.mean()[h], Double.parseDouble(lines[h + 1].split(",")[1]));
        }
        assertTrue(example.contains("! seriesparse ! forecast order=0,1,1 seasonal=0,1,1,12 horizon=12 !"), example);
    }
}

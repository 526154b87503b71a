package dev.parallax.plugin.forecast.internal.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.forecast.ArimaModel;
import dev.parallax.api.forecast.ArimaSpec;
import dev.parallax.api.forecast.Forecast;
import dev.parallax.api.forecast.Missing;
import dev.parallax.api.forecast.Series;
import dev.parallax.plugin.forecast.internal.arima.ArimaFitter;
import dev.parallax.plugin.forecast.internal.arima.RReference;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The CLI's helpers: CSV input, text reports and the PNG plot. The airline model on log AirPassengers is the
 * input because it has the most coefficients of the R cases and a seasonal label to render.
 */
class ReportsTest {
    private final ReportsComponent reports = new ReportsComponent();

    private static ArimaModel airline() {
        return ArimaFitter.fit(
                RReference.series("logAirPassengers"), ArimaSpec.of(0, 1, 1).withSeasonal(0, 1, 1, 12));
    }

    @Test
    void readCsv_withHeaderAndMissingCells_readsTheValueColumn() throws IOException {
        String csv = "month,value,note\n1,10.5,a\n2,NA,b\n3,,c\n4,\"12\",d\n";
        Series series = reports.readCsv(new StringReader(csv), "sales", 4);
        assertArrayEquals(new double[] {10.5, Double.NaN, Double.NaN, 12}, series.toArray());
        assertEquals(Missing.NAN, series.missing());
        assertEquals(4, series.period());
    }

    @Test
    void readCsv_withoutHeader_readsTheLastColumnAndDeclaresNoMissing() throws IOException {
        Series series = reports.readCsv(new StringReader("1\n2.5\n-3e2\n"), "x", 1);
        assertArrayEquals(new double[] {1, 2.5, -300}, series.toArray());
        assertEquals(Missing.NONE, series.missing());
    }

    @Test
    void readCsv_withText_namesTheLineAndTheRule() {
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class,
                () -> reports.readCsv(new StringReader("value\n1\nabc\n"), "sku-17", 1));
        assertEquals(
                "CSV for series 'sku-17' has 'abc' on line 3, column 'value': a value must be a number, empty, NA or NaN",
                error.getMessage());
    }

    @Test
    void readCsv_withTextAndNoHeader_namesTheColumnByNumber() {
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class, () -> reports.readCsv(new StringReader("1,2\n3,x\n"), "pairs", 1));
        assertEquals(
                "CSV for series 'pairs' has 'x' on line 2, column 2: a value must be a number, empty, NA or NaN",
                error.getMessage());
    }

    @Test
    void readCsv_namedColumn_readsItWhateverItsPlaceAndCase() throws IOException {
        String csv = "\"date, month\",Sales,returns\n\"Jan, 2024\",10,1\n\"Feb, 2024\",NaN,2\n";
        assertArrayEquals(
                new double[] {10, Double.NaN},
                reports.readCsv(new StringReader(csv), "s", "sales", 1).toArray());
        assertArrayEquals(
                new double[] {1, 2},
                reports.readCsv(new StringReader(csv), "r", "returns", 1).toArray());
    }

    @Test
    void readCsv_unknownColumn_namesTheColumnsThereAre() {
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class,
                () -> reports.readCsv(new StringReader("date,sales\n1,2\n"), "shop", "profit", 1));
        assertEquals("CSV for series 'shop' has no column 'profit'; its columns: date, sales", error.getMessage());
    }

    @Test
    void readCsv_namedColumnWithoutHeader_asksForAHeader() {
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class,
                () -> reports.readCsv(new StringReader("1,2\n3,4\n"), "shop", "sales", 1));
        assertTrue(error.getMessage().startsWith("CSV for series 'shop' has no header row (line 1 is all numbers)"));
    }

    @Test
    void readCsv_shortRow_namesTheLineAndTheColumn() {
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class,
                () -> reports.readCsv(new StringReader("a,b\n1,2\n3\n"), "shop", "b", 1));
        assertEquals(
                "CSV for series 'shop' has 1 column on line 3: the value column is column 'b', number 2",
                error.getMessage());
    }

    @Test
    void describe_ofTheAirlineModel_listsCoefficientsSeAndCriteria() {
        ArimaModel model = airline();
        String text = reports.describe(model);
        assertTrue(text.contains("ARIMA(0,1,1)(0,1,1)[12]"), text);
        assertTrue(text.contains("ma1") && text.contains("sma1") && text.contains("s.e."), text);
        assertTrue(text.contains(String.format(
                java.util.Locale.ROOT, "%.4f", model.coefficients().get(0).estimate())));
        assertTrue(text.contains(
                "log likelihood = " + String.format(java.util.Locale.ROOT, "%.2f", model.logLikelihood())));
        assertTrue(text.contains("AIC=") && text.contains("AICc=") && text.contains("BIC="), text);
    }

    @Test
    void table_withTwoLevels_hasOneRowPerStepAndBothBounds() {
        Forecast forecast = airline().forecast(12, 0.8, 0.95);
        String[] lines = reports.table(forecast, 145).split("\n");
        assertEquals(13, lines.length);
        assertTrue(lines[0].contains("lo 80") && lines[0].contains("hi 95"), lines[0]);
        assertTrue(lines[1].trim().startsWith("145"), lines[1]);
    }

    @Test
    void plotPng_withoutDisplay_decodesAtTheAskedSize() throws IOException {
        Series history = RReference.series("logAirPassengers");
        byte[] png = reports.plotPng(history, airline().forecast(24, 0.8, 0.95), "log AirPassengers", 640, 400);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(640, image.getWidth());
        assertEquals(400, image.getHeight());
    }

    @Test
    void plotPng_ofAnAbsurdSize_isRejected() {
        Series history = RReference.series("lh");
        Forecast forecast = ArimaFitter.fit(history, ArimaSpec.of(1, 0, 0)).forecast(5);
        assertThrows(IllegalArgumentException.class, () -> reports.plotPng(history, forecast, "lh", 20, 400));
    }
}

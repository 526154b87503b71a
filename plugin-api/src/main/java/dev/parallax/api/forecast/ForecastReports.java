package dev.parallax.api.forecast;

import java.io.IOException;
import java.io.Reader;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reading series from CSV and presenting fits and forecasts, for command lines and reports. Thread-safe.
 *
 * <p>A provider type: only the forecast plugin implements it, so methods may be added in minor versions.
 */
@ProviderType
public interface ForecastReports {
    /**
     * Reads a series from CSV text: one value per row, optionally after a header row. With several columns the
     * one named {@code value} (any case) is read, else the last. Empty cells, {@code NA} and {@code NaN} are
     * missing values, and the series then declares {@link Missing#NAN}.
     *
     * @param name the series' name
     * @param period the seasonal period to give it (1 for none)
     * @throws IllegalArgumentException naming the line and the column, when a cell is not a number or no value is
     *     found
     * @throws IOException if reading fails
     */
    Series readCsv(Reader csv, String name, int period) throws IOException;

    /**
     * Reads a series from the column of CSV text whose header is {@code column} (exactly, or else ignoring case), as
     * {@link #readCsv(Reader, String, int)} reads its value column.
     *
     * @param column the header of the column to read; {@code null} for the rule of {@link #readCsv(Reader, String,
     *     int)}
     * @throws IllegalArgumentException naming the columns there are, when the text has no header or no such column;
     *     naming the line and the column, when a cell is not a number
     * @throws IOException if reading fails
     */
    Series readCsv(Reader csv, String name, String column, int period) throws IOException;

    /**
     * The fitted model as text in the manner of R's {@code print.Arima}: the model, the coefficients with their
     * standard errors, sigma², the log-likelihood, AIC, AICc and BIC.
     */
    String describe(ArimaModel model);

    /**
     * The forecast as a text table: step (counted on from {@code firstStep}), point forecast, standard error and
     * the bounds of each prediction interval.
     */
    String table(Forecast forecast, int firstStep);

    /**
     * Draws the history, the forecast and its prediction intervals as a PNG image. Works without a display.
     *
     * @param width the image width in pixels, 100 to 10000
     * @param height the image height in pixels, 100 to 10000
     * @return the PNG file's bytes
     */
    byte[] plotPng(Series history, Forecast forecast, String title, int width, int height);
}

package dev.parallax.launcher.internal;

import dev.parallax.api.forecast.ArimaModel;
import dev.parallax.api.forecast.AutoArimaOptions;
import dev.parallax.api.forecast.Forecast;
import dev.parallax.api.forecast.ForecastReports;
import dev.parallax.api.forecast.Forecaster;
import dev.parallax.api.forecast.Series;
import dev.parallax.api.plugin.PluginQuery;
import dev.parallax.api.plugin.PluginRegistry;
import dev.parallax.api.plugin.PluginService;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code ./parallax forecast <data.csv>}: fits an ARIMA model to a series, prints it as R prints an {@code Arima} fit
 * and its forecasts with 80% and 95% intervals, and plots them. The computation is the {@code forecast} capability's
 * {@link Forecaster}, found in the plugin registry; reading, printing and plotting are its {@link ForecastReports}.
 */
final class ForecastCommand implements Command {
    /** The capability of the plugin that fits the models. */
    static final String CAPABILITY = "forecast";

    private final PluginRegistry registry;
    private final Supplier<ForecastReports> reports;

    ForecastCommand(PluginRegistry registry, Supplier<ForecastReports> reports) {
        this.registry = registry;
        this.reports = reports;
    }

    @Override
    public String name() {
        return "forecast";
    }

    @Override
    public String arguments() {
        return "<data.csv> (--order p,d,q [--seasonal P,D,Q,s] | --auto [--period s]) [--horizon h] [--column name]"
                + " [--method css-ml|ml|css] [--plot out.png [--size WxH]]";
    }

    @Override
    public String summary() {
        return "Fit an ARIMA model to a CSV series (as R's arima or auto.arima) and forecast it";
    }

    @Override
    public String help() {
        return """
                Reads one column of numbers from the CSV file: the only one, the one named with --column, or (with
                a header row) the one called 'value', else the last. Empty cells, NA and NaN are missing values.
                Fits the model given by --order (and --seasonal, whose last number is the period) by --method
                (css-ml, R's default), or with --auto chooses it as R's forecast::auto.arima does, seasonal when
                --period is 2 or more. Prints the model (coefficients with standard errors, sigma^2,
                log-likelihood, AIC, AICc, BIC) and the forecast of the next --horizon values (default 12) with
                80% and 95% prediction intervals; --plot draws history, forecast and intervals as a PNG
                (--size, default 1000x600). Exits with 1 if the file cannot be read or the model not fitted.""";
    }

    @Override
    public int run(List<String> arguments, PrintStream out) throws UsageException {
        ForecastOptions options = ForecastOptions.parse(arguments);
        ForecastReports reporting = reports.get();
        if (reporting == null) {
            throw new IllegalStateException(
                    "The forecast plugin's reports service is not running: ./parallax diag dev.parallax.plugin.forecast"
                            + " says why.");
        }
        if (options.plot() != null) {
            Path folder = options.plot().toAbsolutePath().getParent();
            if (folder == null || !Files.isDirectory(folder)) {
                throw new IllegalArgumentException(
                        "Cannot write the plot to '" + options.plot() + "': no folder '" + folder + "'");
            }
        }
        Series series = read(reporting, options);
        try (PluginService<Forecaster> forecaster = registry.acquire(
                        PluginQuery.capability(CAPABILITY), Forecaster.class)
                .orElseThrow(() -> new IllegalStateException("No plugin provides the '" + CAPABILITY
                        + "' capability: the forecast plugin is not installed or not running (./parallax plugins"
                        + " lists the plugins)."))) {
            ArimaModel model = options.auto()
                    ? forecaster.get().autoFit(series, AutoArimaOptions.defaults())
                    : forecaster.get().fit(series, options.spec());
            Forecast forecast = model.forecast(options.horizon(), 0.8, 0.95);
            out.print(reporting.describe(model));
            out.println();
            out.println("Forecast (80% and 95% prediction intervals):");
            out.print(reporting.table(forecast, series.length() + 1));
            if (options.plot() != null) {
                String title = series.name() + ": " + model.spec().label();
                byte[] png = reporting.plotPng(series, forecast, title, options.width(), options.height());
                write(options.plot(), png);
                out.println();
                out.println("Plot: " + options.plot() + " (" + options.width() + "x" + options.height() + ")");
            }
        }
        return 0;
    }

    /** The series in the file, named after the file, and the column when one is named. */
    private static Series read(ForecastReports reporting, ForecastOptions options) {
        Path file = options.data();
        String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        String name = options.column() != null ? stem + "/" + options.column() : stem;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return reporting.readCsv(reader, name, options.column(), options.period());
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read '" + file + "': " + reason(e), e);
        }
    }

    private static void write(Path file, byte[] png) {
        try {
            Files.write(file, png);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot write the plot to '" + file + "': " + reason(e), e);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}

package dev.parallax.plugin.forecast.internal.report;

import dev.parallax.api.forecast.ArimaModel;
import dev.parallax.api.forecast.Forecast;
import dev.parallax.api.forecast.ForecastReports;
import dev.parallax.api.forecast.Series;
import java.io.IOException;
import java.io.Reader;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/** CSV input, text reports and PNG plots as an OSGi service, for the command line and other front ends. */
@Component(configurationPolicy = ConfigurationPolicy.IGNORE, service = ForecastReports.class)
public final class ReportsComponent implements ForecastReports {
    @Override
    public Series readCsv(Reader csv, String name, int period) throws IOException {
        return CsvSeries.read(csv, name, null, period);
    }

    @Override
    public Series readCsv(Reader csv, String name, String column, int period) throws IOException {
        return CsvSeries.read(csv, name, column, period);
    }

    @Override
    public String describe(ArimaModel model) {
        return TextReports.describe(model);
    }

    @Override
    public String table(Forecast forecast, int firstStep) {
        return TextReports.table(forecast, firstStep);
    }

    @Override
    public byte[] plotPng(Series history, Forecast forecast, String title, int width, int height) {
        return ForecastChart.png(history, forecast, title, width, height);
    }
}

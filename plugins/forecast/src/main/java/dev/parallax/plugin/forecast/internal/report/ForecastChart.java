package dev.parallax.plugin.forecast.internal.report;

import dev.parallax.api.forecast.Forecast;
import dev.parallax.api.forecast.PredictionInterval;
import dev.parallax.api.forecast.Series;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * History, forecast and prediction intervals as a PNG, drawn with JFreeChart into a {@link BufferedImage} and
 * encoded by {@link ImageIO}: no window, no display, and no JFreeChart class looked up by name (its encoder
 * factory does that), so the copy embedded in this bundle works inside OSGi.
 */
final class ForecastChart {
    private static final Color HISTORY = new Color(0x33, 0x33, 0x33);
    private static final Color FORECAST = new Color(0x1f, 0x5f, 0xbf);

    private ForecastChart() {}

    static byte[] png(Series history, Forecast forecast, String title, int width, int height) {
        if (width < 100 || width > 10_000 || height < 100 || height > 10_000) {
            throw new IllegalArgumentException("Plot size " + width + "x" + height
                    + " is out of range: width and height must be between 100 and 10000 pixels");
        }
        int n = history.length();
        XYSeries observed = new XYSeries("history");
        for (int t = 0; t < n; t++) {
            double v = history.get(t);
            observed.add(t + 1, Double.isNaN(v) ? null : v);
        }
        XYSeries predicted = new XYSeries("forecast");
        if (n > 0 && !Double.isNaN(history.get(n - 1))) {
            predicted.add(n, history.get(n - 1)); // joins the forecast to the last observation
        }
        for (int h = 0; h < forecast.horizon(); h++) {
            predicted.add(n + h + 1, forecast.mean()[h]);
        }
        XYSeriesCollection lines = new XYSeriesCollection();
        lines.addSeries(observed);
        lines.addSeries(predicted);
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        lineRenderer.setSeriesPaint(0, HISTORY);
        lineRenderer.setSeriesPaint(1, FORECAST);
        lineRenderer.setSeriesStroke(1, new BasicStroke(2f));

        List<PredictionInterval> widestFirst = new ArrayList<>(forecast.intervals());
        widestFirst.sort(Comparator.comparingDouble(PredictionInterval::level).reversed());
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        DeviationRenderer bandRenderer = new DeviationRenderer(true, false);
        bandRenderer.setAlpha(0.25f);
        for (int i = 0; i < widestFirst.size(); i++) {
            PredictionInterval interval = widestFirst.get(i);
            YIntervalSeries band = new YIntervalSeries(Math.round(100 * interval.level()) + "% interval");
            for (int h = 0; h < forecast.horizon(); h++) {
                band.add(n + h + 1, forecast.mean()[h], interval.lower()[h], interval.upper()[h]);
            }
            bands.addSeries(band);
            bandRenderer.setSeriesFillPaint(i, FORECAST);
            bandRenderer.setSeriesPaint(i, FORECAST);
        }

        NumberAxis time = new NumberAxis("t");
        NumberAxis value = new NumberAxis("value");
        value.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(time);
        plot.setRangeAxis(value);
        plot.setDataset(0, bands);
        plot.setRenderer(0, bandRenderer);
        plot.setDataset(1, lines);
        plot.setRenderer(1, lineRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        BufferedImage image = chart.createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("Encoding the forecast plot as PNG failed", e);
        }
        return out.toByteArray();
    }
}

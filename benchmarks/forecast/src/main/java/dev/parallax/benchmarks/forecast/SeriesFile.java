package dev.parallax.benchmarks.forecast;

import dev.parallax.api.forecast.Series;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The benchmark's series: {@code count} random ARIMA(1,1,1) paths of {@code length} points, one per CSV row
 * ({@code name,v1,...,vn}, no header), the file both R and the JVM read.
 *
 * <p>Each path has its own phi and theta drawn uniformly from (-0.7, 0.7), standard normal innovations, a burn-in of
 * 50 steps and a start at 100. Values are rounded to multiples of 1/1024 and written exactly, so that R's parser and
 * Java's read the same doubles (a decimal that is not a short binary fraction can be parsed one ulp apart).
 */
final class SeriesFile {
    private SeriesFile() {}

    static void write(Path file, int count, int length, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            for (int s = 0; s < count; s++) {
                double phi = random.nextDouble(-0.7, 0.7);
                double theta = random.nextDouble(-0.7, 0.7);
                StringBuilder row = new StringBuilder("s").append(s + 1);
                double level = 100;
                double w = 0;
                double e = 0;
                for (int t = -50; t < length; t++) {
                    double shock = gaussian(random);
                    w = phi * w + shock + theta * e;
                    e = shock;
                    level += w;
                    if (t >= 0) {
                        double exact = Math.rint(level * 1024) / 1024;
                        row.append(',').append(new BigDecimal(exact).toPlainString());
                    }
                }
                out.println(row);
            }
        }
    }

    static List<Series> read(Path file) throws IOException {
        List<Series> series = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] cells = line.split(",");
            double[] values = new double[cells.length - 1];
            for (int i = 1; i < cells.length; i++) {
                values[i - 1] = Double.parseDouble(cells[i]);
            }
            series.add(Series.of(cells[0], values));
        }
        return series;
    }

    /** Marsaglia's polar method. */
    private static double gaussian(SplittableRandom random) {
        double u;
        double v;
        double s;
        do {
            u = random.nextDouble(-1, 1);
            v = random.nextDouble(-1, 1);
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }
}

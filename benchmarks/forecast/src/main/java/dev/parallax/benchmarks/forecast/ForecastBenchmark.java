package dev.parallax.benchmarks.forecast;

import dev.parallax.api.forecast.Series;
import dev.parallax.plugin.forecast.internal.ForecastPlugin;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The forecast plugin's side of the benchmarks of issue 6 (see benchmarks/forecast/README.md); the run script starts
 * R's side first and this reads what R wrote.
 *
 * <pre>
 * generate &lt;series.csv&gt; [count length seed]   writes the series
 * measure &lt;series.csv&gt; &lt;out-dir&gt; [runs auto-runs] times ours, compares with R's results in out-dir
 * </pre>
 */
public final class ForecastBenchmark {
    private ForecastBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("generate")) {
            int count = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
            int length = args.length > 3 ? Integer.parseInt(args[3]) : 100;
            long seed = args.length > 4 ? Long.parseLong(args[4]) : 42;
            SeriesFile.write(Path.of(args[1]), count, length, seed);
            return;
        }
        if (args.length < 3 || !args[0].equals("measure")) {
            System.err.println("usage: generate <series.csv> [count length seed] | measure <series.csv> <out-dir>"
                    + " [runs auto-runs]");
            System.exit(2);
        }
        Path out = Path.of(args[2]);
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 9;
        int autoRuns = args.length > 4 ? Integer.parseInt(args[4]) : 3; // 0: no auto ARIMA
        List<Series> series = SeriesFile.read(Path.of(args[1]));
        checkSameData(series, out);
        ForecastPlugin allCores = plugin(0);
        ForecastPlugin oneThread = plugin(1);
        ArimaVsR vsR = new ArimaVsR(series, out, allCores, oneThread);
        StringBuilder report = new StringBuilder();
        report.append(String.format(
                Locale.ROOT,
                "%d series of %d points; %d cores; Java %s; R runs one thread; load average before: %s.%n%n",
                series.size(),
                series.getFirst().length(),
                Runtime.getRuntime().availableProcessors(),
                Runtime.version(),
                loadAverage()));
        report.append("| what | ours: median (min-max) | reference: median (min-max) | ratio |\n");
        report.append("|---|---:|---:|---:|\n");
        report.append(RollingMean.run(allCores));
        ArimaVsR.Section fixed = vsR.fixedOrder(runs);
        ArimaVsR.Section auto = autoRuns > 0 ? vsR.automatic(autoRuns) : new ArimaVsR.Section("", "");
        report.append(fixed.rows()).append(auto.rows()).append('\n');
        report.append(fixed.notes()).append('\n').append(auto.notes());
        System.out.print(report);
        Files.writeString(out.resolve("summary.md"), report);
    }

    /** The system's 1, 5 and 15 minute load averages, which say how shared the machine was. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** R wrote the sum of every value it read: it must be ours, to the last bit. */
    private static void checkSameData(List<Series> series, Path out) throws Exception {
        double sum = 0;
        for (Series s : series) {
            for (double v : s.toArray()) {
                sum += v;
            }
        }
        double theirs = Double.parseDouble(
                Files.readString(out.resolve("r-checksum.txt")).strip());
        if (sum != theirs) {
            throw new IllegalStateException("R read other values: sum " + theirs + ", ours " + sum);
        }
    }

    private static ForecastPlugin plugin(int threads) {
        return new ForecastPlugin(new ForecastPlugin.Config() {
            @Override
            public int batch$_$threads() {
                return threads;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return ForecastPlugin.Config.class;
            }
        });
    }
}

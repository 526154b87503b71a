package dev.parallax.benchmarks.forecast;

import dev.parallax.api.forecast.ArimaModel;
import dev.parallax.api.forecast.ArimaSpec;
import dev.parallax.api.forecast.AutoArimaOptions;
import dev.parallax.api.forecast.Series;
import dev.parallax.api.forecast.SeriesResult;
import dev.parallax.plugin.forecast.internal.ForecastPlugin;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The batch of ARIMA(1,1,1) fits and the automatic order selection, timed on all cores and on one thread and
 * compared with what R did to the same series: its time, its log-likelihood per series, its chosen orders.
 */
final class ArimaVsR {
    private final List<Series> series;
    private final Path out;
    private final ForecastPlugin allCores;
    private final ForecastPlugin oneThread;

    ArimaVsR(List<Series> series, Path out, ForecastPlugin allCores, ForecastPlugin oneThread) {
        this.series = series;
        this.out = out;
        this.allCores = allCores;
        this.oneThread = oneThread;
    }

    /** Rows of the results table, and the notes that go below it. */
    record Section(String rows, String notes) {}

    /** Table rows for the fixed-order batch, and the log-likelihood comparison. */
    Section fixedOrder(int runs) throws Exception {
        ArimaSpec spec = ArimaSpec.of(1, 1, 1);
        List<SeriesResult> results = allCores.fitAll(series, spec, null).await();
        double[] all = Timing.measure(
                5, runs, () -> allCores.fitAll(series, spec, null).await());
        double[] one = Timing.measure(
                3, runs, () -> oneThread.fitAll(series, spec, null).await());
        double[] rElapsed = RResults.elapsedMs(out.resolve("r-arima-times.txt"));
        double[] rCpu = RResults.cpuMs(out.resolve("r-arima-times.txt"));
        String count = String.format(Locale.ROOT, "%,d", series.size());
        String rows = row(count + " ARIMA(1,1,1) CSS-ML fits, all cores", all, rElapsed)
                + row(count + " ARIMA(1,1,1) CSS-ML fits, one thread", one, rElapsed);
        String notes = String.format(
                        Locale.ROOT,
                        "R's CPU time (user + system) for the %s fits: median %s ms.%n%n",
                        count,
                        Timing.number(Timing.median(rCpu)))
                + logLikelihoods(results, RResults.rows(out.resolve("r-arima.csv")));
        return new Section(rows, notes);
    }

    /** Table rows for auto ARIMA, and how often R's order was chosen. */
    Section automatic(int runs) throws Exception {
        AutoArimaOptions options = AutoArimaOptions.defaults();
        // Warm-up: the first fifth of the series, on both pools.
        List<Series> warmup = series.subList(0, Math.max(1, series.size() / 5));
        allCores.autoFitAll(warmup, options, null).await();
        oneThread.autoFitAll(warmup, options, null).await();
        List<SeriesResult> results = allCores.autoFitAll(series, options, null).await();
        double[] all = Timing.measure(
                0, runs, () -> allCores.autoFitAll(series, options, null).await());
        double[] one = Timing.measure(
                0, runs, () -> oneThread.autoFitAll(series, options, null).await());
        double[] rElapsed = RResults.elapsedMs(out.resolve("r-auto-times.txt"));
        String count = String.format(Locale.ROOT, "%,d", series.size());
        String rows = row("auto ARIMA of the " + count + " series, all cores", all, rElapsed)
                + row("auto ARIMA of the " + count + " series, one thread", one, rElapsed);
        Map<String, Map<String, String>> r = RResults.rows(out.resolve("r-auto.csv"));
        int sameOrder = 0;
        int sameConstant = 0;
        int higher = 0;
        int compared = 0;
        for (SeriesResult result : results) {
            Map<String, String> chosen = r.get(result.series());
            if (result.model() == null || chosen == null || chosen.get("p").equals("NA")) {
                continue;
            }
            compared++;
            ArimaSpec spec = result.model().spec();
            boolean order = spec.p() == Integer.parseInt(chosen.get("p"))
                    && spec.d() == Integer.parseInt(chosen.get("d"))
                    && spec.q() == Integer.parseInt(chosen.get("q"));
            boolean constant = (spec.hasMean() || spec.hasDrift())
                    == chosen.get("constant").equals("TRUE");
            sameOrder += order ? 1 : 0;
            sameConstant += order && constant ? 1 : 0;
            double loglik = Double.parseDouble(chosen.get("loglik"));
            higher += !order && result.model().logLikelihood() > loglik ? 1 : 0;
        }
        String notes = String.format(
                Locale.ROOT,
                "Auto ARIMA: of %d series both fitted, the same (p,d,q) for %d (%.1f%%), the same orders and"
                        + " constant for %d (%.1f%%); where the orders differ, ours has the higher log-likelihood for"
                        + " %d of %d.%n",
                compared,
                sameOrder,
                100.0 * sameOrder / compared,
                sameConstant,
                100.0 * sameConstant / compared,
                higher,
                compared - sameOrder);
        return new Section(rows, notes);
    }

    private static String row(String what, double[] ours, double[] r) {
        return String.format(
                Locale.ROOT,
                "| %s | %s ms | R: %s ms | %.1fx |%n",
                what,
                Timing.describe(ours),
                Timing.describe(r),
                Timing.median(r) / Timing.median(ours));
    }

    /**
     * How far apart two log-likelihoods at one optimum can be while the likelihood cannot tell them apart: R's own
     * value at its optimum moves by up to 7.2e-11 when its coefficients move by 1e-10, which changes the true
     * likelihood by about 1e-14 (measured on the series concerned; docs/forecast.md).
     */
    static final double RESOLUTION = 1e-10;

    /**
     * Ours against R's, series by series, R's value read at full precision (%.17g): the goal of issue 6 is "at least
     * as high on each series". A shortfall within {@link #RESOLUTION} is counted apart, as equal to within the
     * likelihood's own rounding; any larger one reports the goal as not met.
     */
    private static String logLikelihoods(List<SeriesResult> results, Map<String, Map<String, String>> r) {
        int atLeast = 0;
        int tied = 0;
        int below = 0;
        int bothFailed = 0;
        int onlyOurs = 0;
        int onlyR = 0;
        double worst = 0;
        String worstSeries = "-";
        double best = 0;
        for (SeriesResult result : results) {
            String theirs = r.get(result.series()).get("loglik");
            ArimaModel model = result.model();
            if (model == null || theirs.equals("NA")) {
                bothFailed += model == null && theirs.equals("NA") ? 1 : 0;
                onlyOurs += model != null && theirs.equals("NA") ? 1 : 0;
                onlyR += model == null && !theirs.equals("NA") ? 1 : 0;
                continue;
            }
            double difference = model.logLikelihood() - Double.parseDouble(theirs);
            if (difference >= 0) {
                atLeast++;
            } else if (difference >= -RESOLUTION) {
                tied++;
            } else {
                below++;
            }
            if (difference < worst) {
                worst = difference;
                worstSeries = result.series();
            }
            best = Math.max(best, difference);
        }
        boolean met = below == 0 && onlyR == 0;
        return String.format(
                Locale.ROOT,
                "Log-likelihood against R's, series by series: at least as high on %d, lower by less than the"
                        + " likelihood's rounding (%.0e) on %d, lower by more on %d; largest shortfall %.2e (%s),"
                        + " largest gain %.2e. Failed on both sides: %d; fitted only by us: %d; only by R: %d. Goal"
                        + " \"at least as high on each series\": %s.%n",
                atLeast,
                RESOLUTION,
                tied,
                below,
                -worst,
                worstSeries,
                best,
                bothFailed,
                onlyOurs,
                onlyR,
                met ? "met" : "NOT met");
    }
}

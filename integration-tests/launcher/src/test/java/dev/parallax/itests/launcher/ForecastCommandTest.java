package dev.parallax.itests.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.itests.launcher.Platform.Result;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ./parallax forecast} run as a user runs it, on the R datasets the forecast plugin's tests use, against the
 * reference R 4.2.2 wrote for them (plugins/forecast/src/test/r/make-reference.R): the printed coefficients, standard
 * errors, log-likelihood and forecasts must be R's to the printed precision (the issue asks 1e-3), and every bad input
 * must end with a message and exit status, never a stack trace.
 */
class ForecastCommandTest {
    private static final Path R = Platform.REPOSITORY.resolve("plugins/forecast/src/test/resources/r");

    static Platform platform;

    @BeforeAll
    static void start() throws IOException {
        platform = new Platform("forecast");
    }

    @AfterAll
    static void close() throws Exception {
        platform.close();
    }

    private static Result run(int expectedExit, String... arguments) throws Exception {
        List<String> line = new ArrayList<>(List.of("forecast"));
        line.addAll(List.of(arguments));
        return platform.expect(expectedExit, line.toArray(String[]::new));
    }

    private static String series(String name) {
        return R.resolve("series/" + name + ".csv").toString();
    }

    /**
     * Cases of the R reference chosen for what they exercise: a mean (printed as intercept), the ML method, the
     * seasonal airline model, and missing values (presidents has NA, so CSS-ML becomes ML).
     */
    @ParameterizedTest
    @ValueSource(strings = {"ar1_lh", "arma21_lakehuron_ml", "airline_logairpassengers", "arima110_presidents"})
    void fixedModel_printsRsFit(String name) throws Exception {
        Map<String, String> c = table("cases.csv", "case").get(name);
        List<String> arguments = new ArrayList<>(List.of(
                series(c.get("series")),
                "--order",
                c.get("p") + "," + c.get("d") + "," + c.get("q"),
                "--method",
                c.get("method").toLowerCase(java.util.Locale.ROOT)));
        if (!c.get("period").equals("1")) {
            arguments.addAll(
                    List.of("--seasonal", c.get("P") + "," + c.get("D") + "," + c.get("Q") + "," + c.get("period")));
        }
        String out = run(0, arguments.toArray(String[]::new)).out();
        Map<String, double[]> printed = coefficients(out);
        Map<String, Map<String, Double>> reference = reference(name);
        assertEquals(reference.get("coef").keySet(), printed.keySet(), out);
        for (String coefficient : printed.keySet()) {
            assertEquals(reference.get("coef").get(coefficient), printed.get(coefficient)[0], 1e-3, coefficient);
            assertEquals(reference.get("se").get(coefficient), printed.get(coefficient)[1], 1e-3, coefficient);
        }
        Matcher fit =
                Pattern.compile("sigma\\^2 = (\\S+):  log likelihood = (\\S+)").matcher(out);
        assertTrue(fit.find(), out);
        double sigma2 = reference.get("sigma2").get("");
        // Printed to 4 significant digits, as R prints it.
        assertEquals(sigma2, Double.parseDouble(fit.group(1)), 1e-3 * Math.max(1, sigma2), "sigma^2");
        assertEquals(reference.get("loglik").get(""), Double.parseDouble(fit.group(2)), 1e-2, "log-likelihood");
        double[][] rows = forecasts(out);
        assertEquals(12, rows.length, out);
        for (int h = 0; h < rows.length; h++) {
            double mean = reference.get("forecast").get(Integer.toString(h + 1));
            double se = reference.get("forecast_se").get(Integer.toString(h + 1));
            assertEquals(mean, rows[h][1], 1e-3, "forecast " + (h + 1));
            assertEquals(se, rows[h][2], 1e-3, "forecast s.e. " + (h + 1));
            // Gaussian intervals from R's mean and s.e.: z(0.9) = 1.2815516, z(0.975) = 1.9599640.
            assertEquals(mean - 1.2815516 * se, rows[h][3], 1e-3, "lo 80 at " + (h + 1));
            assertEquals(mean + 1.9599640 * se, rows[h][6], 1e-3, "hi 95 at " + (h + 1));
        }
    }

    /** Series whose automatic choice exercises a mean (lh), one difference (WWWusage) and a seasonal model. */
    @ParameterizedTest
    @ValueSource(strings = {"lh", "WWWusage", "USAccDeaths"})
    void auto_choosesRsOrders(String name) throws Exception {
        Map<String, String> chosen = table("auto-arima-reference.csv", "series").get(name);
        String period = table("series.csv", "name").get(name).get("frequency");
        String out = run(0, series(name), "--auto", "--period", period, "--horizon", "4")
                .out();
        String label = "ARIMA(" + chosen.get("p") + "," + chosen.get("d") + "," + chosen.get("q") + ")";
        if (!chosen.get("P").equals("0")
                || !chosen.get("D").equals("0")
                || !chosen.get("Q").equals("0")) {
            label += "(" + chosen.get("P") + "," + chosen.get("D") + "," + chosen.get("Q") + ")[" + period + "]";
        }
        assertTrue(
                out.contains("\n" + label + (chosen.get("constant").equals("TRUE") ? " with mean" : "") + "\n"), out);
        Matcher fit = Pattern.compile("log likelihood = (\\S+)").matcher(out);
        assertTrue(fit.find(), out);
        assertEquals(Double.parseDouble(chosen.get("loglik")), Double.parseDouble(fit.group(1)), 1e-2);
        assertEquals(4, forecasts(out).length, out);
    }

    @Test
    void plot_writesAPngOfTheAskedSize() throws Exception {
        Path png = platform.home.resolve("airline.png");
        String out = run(
                        0,
                        series("logAirPassengers"),
                        "--order",
                        "0,1,1",
                        "--seasonal",
                        "0,1,1,12",
                        "--horizon",
                        "24",
                        "--plot",
                        png.toString(),
                        "--size",
                        "640x400")
                .out();
        assertTrue(out.contains("Plot: " + png + " (640x400)"), out);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(640, image.getWidth());
        assertEquals(400, image.getHeight());
    }

    @Test
    void namedColumn_ofAWideFile_isRead() throws Exception {
        Path csv = platform.home.resolve("wide.csv");
        List<String> lines = Files.readAllLines(R.resolve("series/lh.csv"));
        List<String> wide = new ArrayList<>(List.of("t,hormone,noise"));
        for (int i = 1; i < lines.size(); i++) {
            wide.add(i + "," + lines.get(i) + "," + (i % 3 == 0 ? "" : "0.5"));
        }
        Files.write(csv, wide);
        String out = run(0, csv.toString(), "--column", "hormone", "--order", "1,0,0")
                .out();
        assertTrue(out.startsWith("Series: wide/hormone\nARIMA(1,0,0) with mean\n"), out);
        double ar1 = reference("ar1_lh").get("coef").get("ar1");
        assertEquals(ar1, coefficients(out).get("ar1")[0], 1e-3);
    }

    @Test
    void missingFile_failsNamingIt() throws Exception {
        assertEquals(
                "parallax forecast failed: Cannot read 'no-such.csv': no such file or folder\n",
                run(1, "no-such.csv", "--order", "1,1,1").err());
    }

    @Test
    void nonNumericCell_failsNamingTheLineAndTheColumn() throws Exception {
        Path csv = Files.writeString(platform.home.resolve("typo.csv"), "month,sales\n1,10\n2,1O\n3,12\n");
        assertEquals(
                "parallax forecast failed: CSV for series 'typo' has '1O' on line 3, column 'sales': a value must be"
                        + " a number, empty, NA or NaN\n",
                run(1, csv.toString(), "--order", "0,1,1").err());
    }

    @Test
    void unknownColumn_failsNamingTheColumnsThereAre() throws Exception {
        Path csv = Files.writeString(platform.home.resolve("shop.csv"), "month,sales\n1,10\n2,11\n");
        assertTrue(run(1, csv.toString(), "--order", "0,1,1", "--column", "profit")
                .err()
                .endsWith("has no column 'profit'; its columns: month, sales\n"));
    }

    @Test
    void seriesTooShort_failsWithTheLengthItNeeds() throws Exception {
        Path csv = Files.writeString(platform.home.resolve("short.csv"), "1\n2\n4\n3\n5\n");
        assertEquals(
                "parallax forecast failed: Series 'short' has 5 points, too short for ARIMA(2,1,2): needs at least"
                        + " 9\n",
                run(1, csv.toString(), "--order", "2,1,2").err());
    }

    @Test
    void badOrder_isAUsageError() throws Exception {
        assertTrue(run(2, series("lh"), "--order", "1,x,1")
                .err()
                .startsWith("--order '1,x,1' is not p,d,q: 3 whole numbers separated by commas"));
        assertTrue(run(2, series("lh"), "--order", "1,1").err().startsWith("--order '1,1' is not p,d,q"));
        assertTrue(run(2, series("lh"), "--order", "1,1,1", "--seasonal", "0,1,1,1")
                .err()
                .startsWith("--seasonal '0,1,1,1' has period 1"));
    }

    @Test
    void noModel_orBoth_isAUsageError() throws Exception {
        assertTrue(run(2, series("lh")).err().startsWith("Give the model: --order p,d,q, or --auto to choose it."));
        assertTrue(run(2, series("lh"), "--auto", "--order", "1,0,0")
                .err()
                .startsWith("Give --order or --auto, not both."));
    }

    @Test
    void plotIntoAMissingFolder_failsBeforeFitting() throws Exception {
        Result result = run(1, series("lh"), "--order", "1,0,0", "--plot", "/no/such/folder/out.png");
        assertEquals("", result.out());
        assertEquals(
                "parallax forecast failed: Cannot write the plot to '/no/such/folder/out.png': no folder"
                        + " '/no/such/folder'\n",
                result.err());
    }

    @Test
    void help_describesTheOptions() throws Exception {
        String out = run(0, "--help").out();
        assertTrue(
                out.startsWith("usage: ./parallax forecast <data.csv> (--order p,d,q [--seasonal P,D,Q,s] | --auto"),
                out);
    }

    /** The coefficient table R-style: names, estimates and s.e. rows. */
    private static Map<String, double[]> coefficients(String out) {
        Map<String, double[]> coefficients = new LinkedHashMap<>();
        List<String> lines = out.lines().toList();
        int at = lines.indexOf("Coefficients:");
        if (at < 0) {
            return coefficients;
        }
        String[] names = lines.get(at + 1).trim().split("\\s+");
        String[] estimates = lines.get(at + 2).trim().split("\\s+");
        String[] errors = lines.get(at + 3).trim().split("\\s+");
        assertEquals("s.e.", errors[0], out);
        for (int i = 0; i < names.length; i++) {
            coefficients.put(
                    names[i], new double[] {Double.parseDouble(estimates[i]), Double.parseDouble(errors[i + 1])});
        }
        return coefficients;
    }

    /** The forecast table's rows: step, forecast, s.e., lo 80, hi 80, lo 95, hi 95. */
    private static double[][] forecasts(String out) {
        List<String> lines = out.lines().toList();
        int at = lines.indexOf("Forecast (80% and 95% prediction intervals):");
        assertTrue(at >= 0, out);
        assertEquals(
                List.of("step", "forecast", "s.e.", "lo", "80", "hi", "80", "lo", "95", "hi", "95"),
                Arrays.asList(lines.get(at + 1).trim().split("\\s+")));
        List<double[]> rows = new ArrayList<>();
        for (int i = at + 2; i < lines.size() && !lines.get(i).isBlank(); i++) {
            rows.add(Arrays.stream(lines.get(i).trim().split("\\s+"))
                    .mapToDouble(Double::parseDouble)
                    .toArray());
        }
        return rows.toArray(double[][]::new);
    }

    /** R's values for one case of arima-reference.csv: quantity, then name, to value. */
    private static Map<String, Map<String, Double>> reference(String name) throws IOException {
        Map<String, Map<String, Double>> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(R.resolve("arima-reference.csv"))) {
            String[] cells = line.split(",", -1);
            if (cells[0].equals(name)) {
                values.computeIfAbsent(cells[1], k -> new LinkedHashMap<>())
                        .put(cells[2], Double.parseDouble(cells[3]));
            }
        }
        return values;
    }

    /** A CSV of the R reference as rows keyed by one column. */
    private static Map<String, Map<String, String>> table(String file, String key) throws IOException {
        List<String> lines = Files.readAllLines(R.resolve(file));
        String[] header = lines.getFirst().split(",", -1);
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.put(row.get(key), row);
        }
        return rows;
    }
}

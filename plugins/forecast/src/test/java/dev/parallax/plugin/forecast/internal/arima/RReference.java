package dev.parallax.plugin.forecast.internal.arima;

import dev.parallax.api.forecast.Missing;
import dev.parallax.api.forecast.Series;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the R reference written by src/test/r/make-reference.R from the test resources. */
public final class RReference {
    private RReference() {}

    /** The rows of a CSV resource under /r/, each a map from column name to text. */
    public static List<Map<String, String>> table(String resource) {
        try (InputStream in = RReference.class.getResourceAsStream("/r/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource /r/" + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String[] header = reader.readLine().split(",", -1);
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], cells[i].trim());
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An R dataset written by the script, NA read as a missing value, with its frequency as period. */
    public static Series series(String name) {
        List<Map<String, String>> rows = table("series/" + name + ".csv");
        double[] values = new double[rows.size()];
        for (int i = 0; i < values.length; i++) {
            String cell = rows.get(i).get("value");
            values[i] = cell.equals("NA") ? Double.NaN : Double.parseDouble(cell);
        }
        int period = 1;
        for (Map<String, String> row : table("series.csv")) {
            if (row.get("name").equals(name)) {
                period = (int) Math.round(Double.parseDouble(row.get("frequency")));
            }
        }
        return Series.of(name, values).withMissing(Missing.NAN).withPeriod(period);
    }

    public static double number(String text) {
        return text.equals("NaN") || text.equals("NA") ? Double.NaN : Double.parseDouble(text);
    }
}

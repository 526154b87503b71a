package dev.parallax.plugin.forecast.internal.report;

import dev.parallax.api.forecast.Missing;
import dev.parallax.api.forecast.Series;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.Locale;

/** Reads a series from CSV text (see {@link dev.parallax.api.forecast.ForecastReports#readCsv}). */
final class CsvSeries {
    private CsvSeries() {}

    static Series read(Reader csv, String name, int period) throws IOException {
        BufferedReader reader = new BufferedReader(csv);
        double[] values = new double[64];
        int count = 0;
        int column = -1;
        boolean missing = false;
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (column < 0) {
                column = header(cells);
                if (column >= 0) {
                    continue;
                }
                column = cells.length - 1;
            }
            if (column >= cells.length) {
                throw new IllegalArgumentException("CSV for series '" + name + "' has " + cells.length
                        + " columns on line " + lineNumber + ": the value column is number " + (column + 1));
            }
            String cell = unquote(cells[column]);
            double value;
            if (cell.isEmpty() || cell.equalsIgnoreCase("NA") || cell.equalsIgnoreCase("NaN")) {
                value = Double.NaN;
                missing = true;
            } else {
                try {
                    value = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("CSV for series '" + name + "' has '" + cell + "' on line "
                            + lineNumber + ": a value must be a number, empty, NA or NaN");
                }
            }
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            values[count++] = value;
        }
        if (count == 0) {
            throw new IllegalArgumentException("CSV for series '" + name + "' has no values: give one per row");
        }
        MemorySegment segment = MemorySegment.ofArray(Arrays.copyOf(values, count));
        return new Series(name, segment, missing ? Missing.NAN : Missing.NONE, period);
    }

    /** The index of the value column if {@code cells} is a header row, else -1. */
    private static int header(String[] cells) {
        boolean numeric = false;
        for (String cell : cells) {
            String text = unquote(cell);
            if (text.isEmpty() || text.equalsIgnoreCase("NA") || text.equalsIgnoreCase("NaN")) {
                continue;
            }
            try {
                Double.parseDouble(text);
                numeric = true;
            } catch (NumberFormatException e) {
                numeric = false;
                break;
            }
        }
        if (numeric) {
            return -1;
        }
        for (int i = 0; i < cells.length; i++) {
            if (unquote(cells[i]).toLowerCase(Locale.ROOT).equals("value")) {
                return i;
            }
        }
        return cells.length - 1;
    }

    private static String unquote(String cell) {
        String text = cell.trim();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1).trim();
        }
        return text;
    }
}

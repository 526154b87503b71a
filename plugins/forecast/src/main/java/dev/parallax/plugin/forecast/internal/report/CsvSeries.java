package dev.parallax.plugin.forecast.internal.report;

import dev.parallax.api.forecast.Missing;
import dev.parallax.api.forecast.Series;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads a series from one column of CSV text (see {@link dev.parallax.api.forecast.ForecastReports#readCsv}):
 * comma-separated cells, optionally in double quotes, a header row when the first row is not all numbers.
 */
public final class CsvSeries {
    private CsvSeries() {}

    /**
     * Reads the column called {@code column}, or with {@code null} the one called {@code value} (any case) or else the
     * last.
     */
    public static Series read(Reader csv, String name, String column, int period) throws IOException {
        BufferedReader reader = new BufferedReader(csv);
        double[] values = new double[64];
        int count = 0;
        int index = -1;
        String label = null;
        boolean missing = false;
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = cells(line);
            if (index < 0) {
                boolean header = isHeader(cells);
                index = column(name, cells, header, column, lineNumber);
                label = header ? "'" + cells.get(index) + "'" : Integer.toString(index + 1);
                if (header) {
                    continue;
                }
            }
            if (index >= cells.size()) {
                throw new IllegalArgumentException("CSV for series '" + name + "' has " + cells.size()
                        + (cells.size() == 1 ? " column" : " columns") + " on line " + lineNumber
                        + ": the value column is column " + label + ", number " + (index + 1));
            }
            String cell = cells.get(index);
            double value;
            if (isMissing(cell)) {
                value = Double.NaN;
                missing = true;
            } else {
                try {
                    value = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("CSV for series '" + name + "' has '" + cell + "' on line "
                            + lineNumber + ", column " + label + ": a value must be a number, empty, NA or NaN");
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

    /** The index of the column to read, given the first row. */
    private static int column(String name, List<String> cells, boolean header, String column, int lineNumber) {
        if (column == null) {
            if (header) {
                for (int i = 0; i < cells.size(); i++) {
                    if (cells.get(i).toLowerCase(Locale.ROOT).equals("value")) {
                        return i;
                    }
                }
            }
            return cells.size() - 1;
        }
        if (!header) {
            throw new IllegalArgumentException("CSV for series '" + name + "' has no header row (line " + lineNumber
                    + " is all numbers), so it has no column '" + column + "': add a header row naming the columns");
        }
        int exact = cells.indexOf(column);
        if (exact >= 0) {
            return exact;
        }
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).equalsIgnoreCase(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException("CSV for series '" + name + "' has no column '" + column + "'; its columns: "
                + String.join(", ", cells));
    }

    /** A header row has a cell that is neither a number nor a missing value. */
    private static boolean isHeader(List<String> cells) {
        for (String cell : cells) {
            if (isMissing(cell)) {
                continue;
            }
            try {
                Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                return true;
            }
        }
        return false;
    }

    private static boolean isMissing(String cell) {
        return cell.isEmpty() || cell.equalsIgnoreCase("NA") || cell.equalsIgnoreCase("NaN");
    }

    /** The cells of a line, trimmed and unquoted; a quoted cell may hold commas and doubled quotes. */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank()) {
                quoted = true;
                cell.setLength(0);
            } else if (c == ',') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        return cells;
    }
}

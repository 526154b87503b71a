package dev.parallax.benchmarks.forecast;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What r/forecast-vs-r.R wrote: its times and, per series, its fits. */
final class RResults {
    private RResults() {}

    /** The elapsed seconds of each run in {@code file} (lines {@code elapsed,cpu}), as sorted milliseconds. */
    static double[] elapsedMs(Path file) throws IOException {
        return column(file, 0);
    }

    /** The CPU seconds (user + system) of each run, as sorted milliseconds. */
    static double[] cpuMs(Path file) throws IOException {
        return column(file, 1);
    }

    private static double[] column(Path file, int index) throws IOException {
        double[] ms = Files.readAllLines(file).stream()
                .filter(line -> !line.isBlank())
                .mapToDouble(line -> 1000 * Double.parseDouble(line.split(",")[index]))
                .toArray();
        Arrays.sort(ms);
        return ms;
    }

    /** The rows of a CSV with a header, keyed by its first column. */
    static Map<String, Map<String, String>> rows(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.getFirst().split(",");
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i].replace("\"", ""), cells[i].replace("\"", ""));
            }
            rows.put(cells[0].replace("\"", ""), row);
        }
        return rows;
    }
}

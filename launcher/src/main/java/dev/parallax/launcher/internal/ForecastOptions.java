package dev.parallax.launcher.internal;

import dev.parallax.api.forecast.ArimaSpec;
import dev.parallax.api.forecast.FitMethod;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@code ./parallax forecast}, checked: every mistake is a {@link UsageException} that names the
 * option, the bad value and the rule.
 *
 * @param data the CSV file
 * @param spec the model to fit, or {@code null} with {@code auto}
 * @param auto whether to choose the model as {@code auto.arima} does
 * @param period the series' seasonal period (from {@code --seasonal} or {@code --period}; 1 for none)
 * @param horizon how many steps to forecast
 * @param column the CSV column to read, or {@code null} for the default one
 * @param plot where to write the PNG plot, or {@code null}
 * @param width the plot's width in pixels
 * @param height the plot's height in pixels
 */
record ForecastOptions(
        Path data,
        ArimaSpec spec,
        boolean auto,
        int period,
        int horizon,
        String column,
        Path plot,
        int width,
        int height) {

    /** The options that take a value, with an example of one. */
    private static final Map<String, String> VALUED = new LinkedHashMap<>();

    static {
        VALUED.put("--order", "1,1,1");
        VALUED.put("--seasonal", "0,1,1,12");
        VALUED.put("--period", "12");
        VALUED.put("--horizon", "12");
        VALUED.put("--column", "sales");
        VALUED.put("--method", "css-ml");
        VALUED.put("--plot", "out.png");
        VALUED.put("--size", "1000x600");
    }

    /** Reads the arguments that follow {@code forecast}. */
    static ForecastOptions parse(List<String> arguments) throws UsageException {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> files = new ArrayList<>();
        boolean auto = false;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            String name = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
            if (argument.equals("--auto")) {
                auto = true;
            } else if (VALUED.containsKey(name)) {
                String value;
                if (argument.contains("=")) {
                    value = argument.substring(argument.indexOf('=') + 1);
                } else if (i + 1 < arguments.size()) {
                    value = arguments.get(++i);
                } else {
                    throw new UsageException(name + " needs a value, e.g. " + name + " " + VALUED.get(name) + ".");
                }
                if (values.put(name, value) != null) {
                    throw new UsageException(name + " is given twice.");
                }
            } else if (argument.startsWith("-")) {
                throw new UsageException("Unknown option '" + argument + "'; known: --auto, "
                        + String.join(", ", VALUED.keySet()) + ".");
            } else {
                files.add(argument);
            }
        }
        if (files.size() != 1) {
            throw new UsageException("forecast takes one CSV file, got " + files.size() + ": " + files + ".");
        }
        return build(Path.of(files.getFirst()), values, auto);
    }

    private static ForecastOptions build(Path data, Map<String, String> values, boolean auto) throws UsageException {
        String order = values.get("--order");
        String seasonal = values.get("--seasonal");
        if (auto == (order != null)) {
            throw new UsageException(
                    auto
                            ? "Give --order or --auto, not both."
                            : "Give the model: --order p,d,q, or --auto to choose it.");
        }
        if (auto && (seasonal != null || values.containsKey("--method"))) {
            throw new UsageException("--auto chooses the seasonal orders and the method itself: give the seasonal"
                    + " period with --period instead of --seasonal, and no --method.");
        }
        int period = values.containsKey("--period") ? number("--period", values.get("--period"), 1, 10_000) : 1;
        ArimaSpec spec = null;
        if (!auto) {
            int[] pdq = orders("--order", order, 3, "p,d,q");
            spec = ArimaSpec.of(pdq[0], pdq[1], pdq[2]).withMethod(method(values.getOrDefault("--method", "css-ml")));
            if (seasonal != null) {
                int[] s = orders("--seasonal", seasonal, 4, "P,D,Q,s");
                if (s[3] < 2) {
                    throw new UsageException("--seasonal '" + seasonal + "' has period " + s[3]
                            + ": a seasonal period is 2 or more, e.g. 12 for monthly data.");
                }
                if (values.containsKey("--period") && period != s[3]) {
                    throw new UsageException("--period " + period + " and --seasonal '" + seasonal
                            + "' disagree on the period: give one of them.");
                }
                spec = spec.withSeasonal(s[0], s[1], s[2], s[3]);
                period = s[3];
            }
        }
        int horizon = number("--horizon", values.getOrDefault("--horizon", "12"), 1, 10_000);
        Path plot = values.containsKey("--plot") ? Path.of(values.get("--plot")) : null;
        String size = values.get("--size");
        if (size != null && plot == null) {
            throw new UsageException("--size sets the plot's size: give --plot out.png too.");
        }
        String[] wh = (size == null ? "1000x600" : size).split("x", -1);
        if (wh.length != 2) {
            throw new UsageException("--size '" + size + "' is not WIDTHxHEIGHT, e.g. --size 1000x600.");
        }
        int width = number("--size", wh[0], 100, 10_000);
        int height = number("--size", wh[1], 100, 10_000);
        return new ForecastOptions(data, spec, auto, period, horizon, values.get("--column"), plot, width, height);
    }

    private static int[] orders(String option, String text, int count, String names) throws UsageException {
        String[] parts = text.split(",", -1);
        int[] out = new int[count];
        boolean ok = parts.length == count;
        for (int i = 0; ok && i < count; i++) {
            try {
                out[i] = Integer.parseInt(parts[i].strip());
                ok = out[i] >= 0 && (out[i] <= ArimaSpec.MAX_ORDER || i == 3);
            } catch (NumberFormatException e) {
                ok = false;
            }
        }
        if (!ok) {
            throw new UsageException(option + " '" + text + "' is not " + names + ": " + count
                    + " whole numbers separated by commas, orders from 0 to " + ArimaSpec.MAX_ORDER + ", e.g. "
                    + option + " " + VALUED.get(option) + ".");
        }
        return out;
    }

    private static int number(String option, String text, int min, int max) throws UsageException {
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " '" + text + "' is not a whole number from " + min + " to " + max + ".");
    }

    private static FitMethod method(String text) throws UsageException {
        return switch (text) {
            case "css-ml" -> FitMethod.CSS_ML;
            case "ml" -> FitMethod.ML;
            case "css" -> FitMethod.CSS;
            default -> throw new UsageException("--method '" + text + "' is not one of css-ml, ml, css.");
        };
    }
}

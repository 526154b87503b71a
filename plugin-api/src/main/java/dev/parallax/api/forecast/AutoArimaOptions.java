package dev.parallax.api.forecast;

/**
 * The search space and rules of automatic order selection, with {@code forecast::auto.arima}'s defaults.
 *
 * <p>The search is Hyndman and Khandakar's stepwise one: d is chosen by repeated KPSS tests at the 5% level, D by
 * the seasonal-strength heuristic of an STL decomposition (both as the R forecast package does by default), then
 * neighbouring models are tried from ARIMA(2,d,2)(1,D,1) while one of them lowers the criterion.
 *
 * @param maxP the largest p tried
 * @param maxQ the largest q tried
 * @param maxSeasonalP the largest P tried
 * @param maxSeasonalQ the largest Q tried
 * @param maxD the largest d the unit-root tests may choose
 * @param maxSeasonalD the largest D the seasonal test may choose
 * @param d the number of differences to use, or -1 to choose it by KPSS tests
 * @param seasonalD the number of seasonal differences to use, or -1 to choose it by the seasonal test
 * @param criterion what ranks the models
 * @param allowMean whether undifferenced models may have a mean
 * @param allowDrift whether models with one difference may have a drift
 * @param approximation whether to search with CSS fits and refit the best by CSS-ML
 * @param maxModels the most models the stepwise search fits (94 in R)
 */
public record AutoArimaOptions(
        int maxP,
        int maxQ,
        int maxSeasonalP,
        int maxSeasonalQ,
        int maxD,
        int maxSeasonalD,
        int d,
        int seasonalD,
        Criterion criterion,
        boolean allowMean,
        boolean allowDrift,
        Approximation approximation,
        int maxModels) {

    /** Whether the search may use CSS fits to go faster. */
    public enum Approximation {
        /** As R decides: for series longer than 150 values or with a period above 12. */
        AUTO,
        /** Always search with CSS fits. */
        ALWAYS,
        /** Always search with full CSS-ML fits. */
        NEVER
    }

    /** Checks the arguments. */
    public AutoArimaOptions {
        for (int order : new int[] {maxP, maxQ, maxSeasonalP, maxSeasonalQ, maxD, maxSeasonalD}) {
            if (order < 0 || order > ArimaSpec.MAX_ORDER) {
                throw new IllegalArgumentException("auto ARIMA limit " + order + " is out of range: limits are"
                        + " between 0 and " + ArimaSpec.MAX_ORDER);
            }
        }
        if (d < -1 || seasonalD < -1) {
            throw new IllegalArgumentException("auto ARIMA differences d=" + d + ", D=" + seasonalD
                    + " are out of range: give 0 or more, or -1 to choose by test");
        }
        if (criterion == null || approximation == null) {
            throw new IllegalArgumentException("auto ARIMA criterion and approximation must be given");
        }
        if (maxModels < 1) {
            throw new IllegalArgumentException("auto ARIMA maxModels is " + maxModels + ": it must be at least 1");
        }
    }

    /** R's defaults: p, q up to 5, P, Q up to 2, d up to 2, D up to 1, AICc, mean and drift allowed. */
    public static AutoArimaOptions defaults() {
        return new AutoArimaOptions(5, 5, 2, 2, 2, 1, -1, -1, Criterion.AICC, true, true, Approximation.AUTO, 94);
    }

    /** These options with the number of differences fixed, or -1 for tests. */
    public AutoArimaOptions withDifferences(int differences, int seasonalDifferences) {
        return new AutoArimaOptions(
                maxP,
                maxQ,
                maxSeasonalP,
                maxSeasonalQ,
                maxD,
                maxSeasonalD,
                differences,
                seasonalDifferences,
                criterion,
                allowMean,
                allowDrift,
                approximation,
                maxModels);
    }

    /** These options with another approximation rule. */
    public AutoArimaOptions withApproximation(Approximation rule) {
        return new AutoArimaOptions(
                maxP,
                maxQ,
                maxSeasonalP,
                maxSeasonalQ,
                maxD,
                maxSeasonalD,
                d,
                seasonalD,
                criterion,
                allowMean,
                allowDrift,
                rule,
                maxModels);
    }
}

package dev.parallax.api.forecast;

/**
 * An ARIMA(p,d,q)(P,D,Q)s model to fit: orders, constant terms and the fitting method.
 *
 * <p>As in R, a mean is estimated only when the model has no differencing ({@code d + D == 0}); a drift (a linear
 * trend, as {@code forecast::Arima(include.drift = TRUE)}) only when {@code d + D <= 1}. Either flag is ignored
 * where it does not apply, so {@link #of} with its defaults (mean on, drift off) does what R's {@code arima} does.
 *
 * @param p the order of the autoregressive part
 * @param d the number of ordinary differences
 * @param q the order of the moving-average part
 * @param seasonalP the order of the seasonal autoregressive part
 * @param seasonalD the number of seasonal differences
 * @param seasonalQ the order of the seasonal moving-average part
 * @param period the seasonal period; 1 when the model has no seasonal part
 * @param includeMean whether to estimate a mean (undifferenced models only)
 * @param includeDrift whether to estimate a drift (models with at most one difference)
 * @param method how to estimate the coefficients
 */
public record ArimaSpec(
        int p,
        int d,
        int q,
        int seasonalP,
        int seasonalD,
        int seasonalQ,
        int period,
        boolean includeMean,
        boolean includeDrift,
        FitMethod method) {

    /** The largest order accepted for each part: more is never a sensible model and costs O(order^2) per step. */
    public static final int MAX_ORDER = 50;

    /** Checks the arguments. */
    public ArimaSpec {
        check("p", p);
        check("d", d);
        check("q", q);
        check("P", seasonalP);
        check("D", seasonalD);
        check("Q", seasonalQ);
        if (period < 1) {
            throw new IllegalArgumentException("ARIMA period is " + period + ": it must be 1 (none) or more");
        }
        if (period == 1 && seasonalP + seasonalD + seasonalQ > 0) {
            throw new IllegalArgumentException("ARIMA seasonal order (" + seasonalP + "," + seasonalD + "," + seasonalQ
                    + ") has period 1: a seasonal part needs a period of 2 or more");
        }
        if (method == null) {
            throw new IllegalArgumentException("ARIMA method is missing: use FitMethod.CSS_ML, as R does");
        }
    }

    private static void check(String name, int order) {
        if (order < 0 || order > MAX_ORDER) {
            throw new IllegalArgumentException(
                    "ARIMA order " + name + " is " + order + ": it must be between 0 and " + MAX_ORDER);
        }
    }

    /** A non-seasonal ARIMA(p,d,q) with a mean where undifferenced, fitted by CSS-ML. */
    public static ArimaSpec of(int p, int d, int q) {
        return new ArimaSpec(p, d, q, 0, 0, 0, 1, true, false, FitMethod.CSS_ML);
    }

    /** This model with the seasonal part (P,D,Q) of {@code period}. */
    public ArimaSpec withSeasonal(int sp, int sd, int sq, int seasonalPeriod) {
        return new ArimaSpec(p, d, q, sp, sd, sq, seasonalPeriod, includeMean, includeDrift, method);
    }

    /** This model with or without a mean. */
    public ArimaSpec withMean(boolean mean) {
        return new ArimaSpec(p, d, q, seasonalP, seasonalD, seasonalQ, period, mean, includeDrift, method);
    }

    /** This model with or without a drift. */
    public ArimaSpec withDrift(boolean drift) {
        return new ArimaSpec(p, d, q, seasonalP, seasonalD, seasonalQ, period, includeMean, drift, method);
    }

    /** This model fitted by {@code fitMethod}. */
    public ArimaSpec withMethod(FitMethod fitMethod) {
        return new ArimaSpec(p, d, q, seasonalP, seasonalD, seasonalQ, period, includeMean, includeDrift, fitMethod);
    }

    /** Whether the model has a seasonal part. */
    public boolean seasonal() {
        return seasonalP + seasonalD + seasonalQ > 0;
    }

    /** Whether a mean is estimated: asked for and the model is undifferenced. */
    public boolean hasMean() {
        return includeMean && d + seasonalD == 0;
    }

    /** Whether a drift is estimated: asked for and the model has at most one difference. */
    public boolean hasDrift() {
        return includeDrift && d + seasonalD <= 1;
    }

    /** The model in R's notation, e.g. {@code ARIMA(0,1,1)(0,1,1)[12]} or {@code ARIMA(1,0,0) with mean}. */
    public String label() {
        StringBuilder text = new StringBuilder("ARIMA(")
                .append(p)
                .append(',')
                .append(d)
                .append(',')
                .append(q)
                .append(')');
        if (seasonal()) {
            text.append('(')
                    .append(seasonalP)
                    .append(',')
                    .append(seasonalD)
                    .append(',')
                    .append(seasonalQ)
                    .append(")[")
                    .append(period)
                    .append(']');
        }
        if (hasMean()) {
            text.append(" with mean");
        }
        if (hasDrift()) {
            text.append(" with drift");
        }
        return text.toString();
    }
}

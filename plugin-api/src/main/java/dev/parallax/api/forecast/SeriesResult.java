package dev.parallax.api.forecast;

import java.util.Optional;

/**
 * What became of one series of a batch.
 *
 * @param index the series' position in the batch
 * @param series the series' name
 * @param status whether it was fitted, failed or was cancelled
 * @param model the fitted model when {@code status} is {@link Status#FITTED}, otherwise null
 * @param error why it failed or was not fitted, naming the series, the bad value and the rule; null when fitted
 */
public record SeriesResult(int index, String series, Status status, ArimaModel model, String error) {

    /** The outcome for one series. */
    public enum Status {
        /** The model was fitted. */
        FITTED,
        /** The series could not be fitted; {@link #error()} says why. */
        FAILED,
        /** The batch was cancelled before the series was fitted. */
        CANCELLED
    }

    /** The fitted model, if any. */
    public Optional<ArimaModel> fitted() {
        return Optional.ofNullable(model);
    }
}

package io.relata.core.evaluate;

/**
 * Precision, recall and their harmonic mean F1.
 *
 * <p>Convention: a ratio with nothing in its denominator is 1.0, not NaN. Precision with nothing
 * predicted is 1.0 (no prediction was wrong) and recall with nothing to find is 1.0 (nothing was
 * missed), so all-singleton truth and prediction scores a perfect 1.0 rather than breaking averages.
 */
public record PrecisionRecall(double precision, double recall, double f1) {

    /** From counts: {@code correct} of {@code predicted} predicted items, against {@code actual} true items. */
    public static PrecisionRecall ofCounts(long correct, long predicted, long actual) {
        if (correct < 0 || correct > predicted || correct > actual) {
            throw new IllegalArgumentException(
                    "need 0 <= correct <= predicted, actual; got " + correct + ", " + predicted + ", " + actual);
        }
        return of(ratio(correct, predicted), ratio(correct, actual));
    }

    /** From precision and recall; F1 is 0 when both are 0. */
    public static PrecisionRecall of(double precision, double recall) {
        double sum = precision + recall;
        return new PrecisionRecall(precision, recall, sum == 0 ? 0.0 : 2 * precision * recall / sum);
    }

    static double ratio(long part, long whole) {
        return whole == 0 ? 1.0 : (double) part / whole;
    }
}

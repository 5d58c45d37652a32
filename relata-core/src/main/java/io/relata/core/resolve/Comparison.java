package io.relata.core.resolve;

/**
 * The comparison of two records: each feature's level and weight, the agreed values, and the total.
 * A mutable scratch object so the scoring hot path allocates nothing; copy what you keep.
 */
public final class Comparison {
    final byte[] levels = new byte[Feature.COUNT];
    final double[] weights = new double[Feature.COUNT];
    final String[] agreed = new String[Feature.COUNT];
    final String[] scratch = new String[1];
    double total;
    double prior;
    double otherEvidence;
    double nameWeight; // the best name alignment so far, while names are compared
    boolean nameConflicts;
    boolean conflict;

    void reset() {
        java.util.Arrays.fill(agreed, null);
        total = 0;
        otherEvidence = 0;
        conflict = false;
    }

    public int level(Feature f) {
        return levels[f.ordinal()];
    }

    public String levelName(Feature f) {
        return f.levels().get(levels[f.ordinal()]);
    }

    public double weight(Feature f) {
        return weights[f.ordinal()];
    }

    /** The value both records share for a feature at its exact level, or null. */
    public String agreedValue(Feature f) {
        return agreed[f.ordinal()];
    }

    /** The sum of the feature weights: a log2 Bayes factor. */
    public double total() {
        return total;
    }

    /** The prior log2 odds of a match in this population. */
    public double prior() {
        return prior;
    }

    /** Posterior log2 odds: the evidence and the prior together. */
    public double posterior() {
        return total + prior;
    }

    /** Posterior probability that both records are one entity, under the model's independence assumptions. */
    public double probability() {
        return 1 / (1 + Math.pow(2, -posterior()));
    }

    /** The weight of every feature but the names. */
    public double otherEvidence() {
        return otherEvidence;
    }

    /** True when some feature is at a conflict level: the records must not be in one entity. */
    public boolean conflict() {
        return conflict;
    }

    /**
     * A compact key of the features that spoke: {@code +NAME+DOB-ADDRESS}; agreement with a plus, disagreement
     * with a minus, features without evidence left out, and a trailing {@code !} marks a conflict.
     */
    public String matchKey() {
        StringBuilder b = new StringBuilder(48);
        for (Feature f : Feature.ALL) {
            double w = weights[f.ordinal()];
            if (levels[f.ordinal()] == f.missing() || Math.abs(w) < 0.5) continue;
            b.append(w > 0 ? '+' : '-').append(f.keyName());
        }
        if (conflict) b.append('!');
        return b.toString();
    }
}

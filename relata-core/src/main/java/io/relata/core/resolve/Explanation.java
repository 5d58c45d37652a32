package io.relata.core.resolve;

import io.relata.core.model.RecordKey;

import java.util.ArrayList;
import java.util.List;

/**
 * Why two records are, or are not, taken to be the same entity: each feature's level and weight, the total
 * (a log2 Bayes factor), the outcome and a compact match key such as {@code +NAME+DOB+PHONE-ADDRESS}.
 */
public record Explanation(RecordKey first, RecordKey second, List<FeatureEvidence> features, double total,
                          double prior, double probability, Outcome outcome, String matchKey, boolean conflict,
                          boolean sameEntity) {

    static Explanation of(RecordKey a, RecordKey b, Comparison c, PairScorer scorer, boolean sameEntity) {
        List<FeatureEvidence> features = new ArrayList<>();
        for (Feature f : Feature.ALL) {
            int level = c.level(f);
            if (level == f.missing()) continue;
            boolean conflict = scorer.model().parameters(f).levels().get(level).conflict();
            features.add(new FeatureEvidence(f, c.levelName(f), c.weight(f), conflict, c.agreedValue(f)));
        }
        return new Explanation(a, b, List.copyOf(features), c.total(), c.prior(), c.probability(),
                scorer.outcome(c), c.matchKey(), c.conflict(), sameEntity);
    }

    /** A readable table, one feature per line. */
    public String format() {
        StringBuilder s = new StringBuilder();
        s.append(String.format("why %s ~ %s: %s  %s%s%n", first, second, outcome, matchKey,
                sameEntity ? "  (same entity)" : "  (different entities)"));
        s.append(String.format("  evidence %+.2f, prior %+.2f, probability %.4f (log2 weights)%n", total, prior,
                probability));
        for (FeatureEvidence e : features) {
            s.append(String.format("  %-12s %-18s %+7.2f%s%s%n", e.feature(), e.level(), e.weight(),
                    e.conflict() ? "  conflict: cannot be the same" : "",
                    e.agreedValue() == null ? "" : "  (" + e.agreedValue() + ")"));
        }
        return s.toString();
    }
}

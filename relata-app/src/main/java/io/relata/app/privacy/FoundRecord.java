package io.relata.app.privacy;

import io.relata.core.model.RecordKey;
import io.relata.core.resolve.Explanation;

/**
 * A record that may relate to a requester: the entity it belongs to and how it compares with the requester's data
 * (the explanation: each feature's level and weight, the score, outcome and match key).
 */
public record FoundRecord(RecordKey record, long entity, Explanation explanation) {
    /** The evidence that the record is the requester's: the log2 Bayes factor of the comparison. */
    public double score() {
        return explanation.total();
    }

    public String matchKey() {
        return explanation.matchKey();
    }
}

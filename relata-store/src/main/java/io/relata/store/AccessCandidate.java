package io.relata.store;

import io.relata.core.model.RecordKey;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A record found for an access request: its rank, the entity it belonged to when found, its score against the
 * requester's data with the outcome, match key and explanation (JSON, opaque to the store), and the officer's
 * decision on it ({@code decision} null until decided; {@code withheldFields} the fields a PARTIAL release leaves
 * out; {@code reason} the exemption or reason).
 */
public record AccessCandidate(RecordKey record, int rank, long entityId, double score, double probability,
                              String outcome, String matchKey, String explanation, ReleaseDecision decision,
                              List<String> withheldFields, String reason, String decidedBy, Instant decidedAt) {
    public AccessCandidate {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(matchKey, "matchKey");
        Objects.requireNonNull(explanation, "explanation");
        withheldFields = withheldFields == null ? List.of() : List.copyOf(withheldFields);
    }

    /** A record as found, not yet decided. */
    public static AccessCandidate found(RecordKey record, int rank, long entityId, double score, double probability,
                                        String outcome, String matchKey, String explanation) {
        return new AccessCandidate(record, rank, entityId, score, probability, outcome, matchKey, explanation, null,
                List.of(), null, null, null);
    }
}

package io.relata.core.resolve.live;

import io.relata.core.model.RecordKey;

import java.time.Instant;
import java.util.Objects;

/**
 * An analyst's ruling on two records: the same real entity (must-link) or not (cannot-link). Rulings
 * override the model and hold through re-resolution and reloads. {@code first} sorts before {@code second}.
 */
public record MatchDecision(RecordKey first, RecordKey second, boolean same, String reason, String analyst,
                            Instant at) {
    public MatchDecision {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        if (first.equals(second)) throw new IllegalArgumentException("a decision needs two different records");
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("a decision needs a reason");
        if (analyst == null || analyst.isBlank()) throw new IllegalArgumentException("a decision needs an analyst");
        Objects.requireNonNull(at, "at");
        if (first.compareTo(second) > 0) {
            RecordKey t = first;
            first = second;
            second = t;
        }
    }
}

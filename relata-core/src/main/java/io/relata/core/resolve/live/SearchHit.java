package io.relata.core.resolve.live;

import io.relata.core.model.RecordKey;

/**
 * An entity that fits a search: its best-fitting record, the model's log2 odds and probability that the
 * record is the one described, whether that reaches a match, and the match key (which details agreed).
 */
public record SearchHit(long entityId, RecordKey record, double weight, double probability, boolean match,
                        String matchKey) {}

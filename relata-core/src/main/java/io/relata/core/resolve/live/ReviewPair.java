package io.relata.core.resolve.live;

import io.relata.core.model.RecordKey;

/**
 * Two records in different entities whose score fell in the review band: a possible match for an analyst
 * to judge. {@code first} sorts before {@code second}.
 */
public record ReviewPair(RecordKey first, RecordKey second, double weight, String matchKey) {
    public ReviewPair {
        if (first.compareTo(second) > 0) {
            RecordKey t = first;
            first = second;
            second = t;
        }
    }
}

package io.relata.store;

/** What the store holds: active and withdrawn records, live entities (at least one record), open reviews. */
public record StoreCounts(long activeRecords, long withdrawnRecords, long liveEntities, long openReviews) {}

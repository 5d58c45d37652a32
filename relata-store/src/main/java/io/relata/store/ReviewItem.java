package io.relata.store;

import io.relata.core.model.RecordKey;

import java.time.Instant;

/**
 * A possible match waiting for (or given) an analyst's judgement.
 *
 * @param status OPEN, SAME, DIFFERENT or DISMISSED
 * @param decidedBy  the analyst who disposed of it; null while open
 * @param decidedAt  when; null while open
 */
public record ReviewItem(long id, RecordKey first, RecordKey second, double weight, String matchKey, String status,
                         Instant createdAt, String decidedBy, Instant decidedAt) {}

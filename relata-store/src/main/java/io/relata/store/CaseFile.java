package io.relata.store;

import java.time.Instant;

/**
 * An investigation: a named group of users (its members) and what they watch.
 *
 * @param legalHold whether its data must be kept whatever the retention rules say
 */
public record CaseFile(long id, String name, String description, String createdBy, Instant createdAt, CaseStatus status,
                       boolean legalHold) {}

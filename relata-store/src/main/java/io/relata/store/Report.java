package io.relata.store;

import java.time.Instant;

/** An analytical report of a case; its content is in its versions. {@code title} is the latest version's. */
public record Report(long id, long caseId, String title, String createdBy, Instant createdAt) {}

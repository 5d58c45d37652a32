package io.relata.store;

import io.relata.core.model.RecordKey;

import java.time.Instant;

/**
 * A correction an individual asked for: one field of one record (a path into the canonical record such as
 * {@code dob} or {@code names[0].surname}), the value asked for and why, and the decision. An accepted correction is
 * an annotation shown beside the source's value; the record itself is never changed.
 *
 * @param accessRequestId the access request it came with, 0 for none
 */
public record Correction(long id, long accessRequestId, RecordKey record, String field, String requestedValue,
                         String reason, CorrectionStatus status, String requestedBy, Instant requestedAt,
                         String decidedBy, Instant decidedAt, String decisionNote) {}

package io.relata.store;

import java.time.Instant;

/**
 * A stored audit alert (see {@link NewAuditAlert}).
 *
 * @param reviewedBy the auditor who reviewed it; null while open
 * @param reviewedAt when; null while open
 */
public record AuditAlert(long id, Instant at, String actor, AuditAlertKind kind, String detail, AuditAlertStatus status,
                         String reviewedBy, Instant reviewedAt) {}

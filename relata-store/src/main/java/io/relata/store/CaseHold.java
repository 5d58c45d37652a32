package io.relata.store;

import java.time.Instant;

/**
 * A case and its legal hold: while {@code held}, a retention run keeps the case's subject records and every record
 * of the entities they belong to. Who set the hold, when and why are those of the hold in force (null when none);
 * every hold set and released is in the audit trail.
 */
public record CaseHold(long caseId, String caseName, CaseStatus status, boolean held, String heldBy, Instant heldAt,
                       String reason) {}

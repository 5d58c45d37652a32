package io.relata.store;

/**
 * Unusual activity in the audit trail: far more lookups than the user's norm (UNUSUAL_VOLUME), or repeated
 * lookups denied because they were outside the user's cases (OUTSIDE_CASES).
 */
public enum AuditAlertKind {
    UNUSUAL_VOLUME, OUTSIDE_CASES;

    public static AuditAlertKind parse(String text) {
        return Checks.parse(AuditAlertKind.class, text, "audit alert kind");
    }
}

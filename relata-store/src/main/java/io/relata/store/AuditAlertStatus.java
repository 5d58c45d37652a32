package io.relata.store;

/** Where an audit alert stands: OPEN until an auditor has REVIEWED it. */
public enum AuditAlertStatus {
    OPEN, REVIEWED;

    public static AuditAlertStatus parse(String text) {
        return Checks.parse(AuditAlertStatus.class, text, "audit alert status");
    }
}

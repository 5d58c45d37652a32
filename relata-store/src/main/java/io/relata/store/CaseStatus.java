package io.relata.store;

/** Whether a case is being worked on. */
public enum CaseStatus {
    OPEN, CLOSED;

    public static CaseStatus parse(String text) {
        return Checks.parse(CaseStatus.class, text, "case status");
    }
}

package io.relata.store;

/** Where a report version stands: written and waiting for a supervisor, approved to leave, or sent back. */
public enum ReportStatus {
    PENDING,
    APPROVED,
    REJECTED
}

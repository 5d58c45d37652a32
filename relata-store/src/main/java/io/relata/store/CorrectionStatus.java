package io.relata.store;

/** Where a correction request stands. */
public enum CorrectionStatus {
    PENDING, ACCEPTED, REJECTED;

    public static CorrectionStatus parse(String text) {
        return Checks.parse(CorrectionStatus.class, text, "correction status");
    }
}

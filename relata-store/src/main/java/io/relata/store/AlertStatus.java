package io.relata.store;

/** Where an alert stands: OPEN until an analyst ACKNOWLEDGES or DISMISSES it. */
public enum AlertStatus {
    OPEN, ACKNOWLEDGED, DISMISSED;

    public static AlertStatus parse(String text) {
        return Checks.parse(AlertStatus.class, text, "alert status");
    }
}

package io.relata.store;

/**
 * Where a lead stands. A scan creates it OPEN; an analyst disposes of it as REVIEWED, DISMISSED or ESCALATED; a
 * full re-scan that no longer finds it RETIRES it, and finding it again makes it OPEN again.
 */
public enum LeadStatus {
    OPEN, REVIEWED, DISMISSED, ESCALATED, RETIRED;

    /** The status named by {@code text} in any case; IllegalArgumentException listing the statuses otherwise. */
    public static LeadStatus parse(String text) {
        return Checks.parse(LeadStatus.class, text, "lead status");
    }
}

package io.relata.store;

/** What a privacy officer decided about one record found for an access request. */
public enum ReleaseDecision {
    /** The record goes into the response as it is. */
    RELEASE,
    /** The record stays out of the response; only that a record was withheld, and under which exemption, is said. */
    WITHHOLD,
    /** The record goes into the response with some of its fields withheld. */
    PARTIAL;

    public static ReleaseDecision parse(String text) {
        return Checks.parse(ReleaseDecision.class, text, "release decision");
    }
}

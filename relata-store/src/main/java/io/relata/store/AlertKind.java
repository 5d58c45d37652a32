package io.relata.store;

/**
 * What a watch saw: new data RESOLVED_INTO the watched entity (distance 0), or a NEW_RELATIONSHIP within the
 * watch's hops of it.
 */
public enum AlertKind {
    RESOLVED_INTO, NEW_RELATIONSHIP;

    public static AlertKind parse(String text) {
        return Checks.parse(AlertKind.class, text, "alert kind");
    }
}

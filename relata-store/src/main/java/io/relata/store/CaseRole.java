package io.relata.store;

/** A user's part in a case: its OWNER manages it, a MEMBER works on it. */
public enum CaseRole {
    OWNER, MEMBER;

    public static CaseRole parse(String text) {
        return Checks.parse(CaseRole.class, text, "case role");
    }
}

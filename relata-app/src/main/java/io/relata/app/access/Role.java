package io.relata.app.access;

/** What a user does in Relata; what each role may do is the authorization policy's business. */
public enum Role {
    ANALYST,
    SUPERVISOR,
    PRIVACY_OFFICER,
    AUDITOR,
    ADMIN,
    /** Someone of an outside agency: always with that agency's name as the account's organization. */
    PARTNER;

    /** A role as a person may type it (any case, surrounding blanks), or a message listing the roles. */
    public static Role parse(String text) {
        return EnumNames.parse(Role.class, text, "role");
    }
}

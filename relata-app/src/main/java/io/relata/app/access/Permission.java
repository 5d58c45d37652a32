package io.relata.app.access;

/** What a role alone does not allow: seeing the most sensitive fields, or taking data out. */
public enum Permission {
    VIEW_BIOMETRICS,
    /** Identifiers (passport, SSN, A-number...) in full rather than masked. */
    VIEW_FULL_IDENTIFIERS,
    EXPORT;

    /** A permission as a person may type it (any case, surrounding blanks), or a message listing them. */
    public static Permission parse(String text) {
        return EnumNames.parse(Permission.class, text, "permission");
    }
}

package io.relata.core.relate;

/** Why two entities may be connected. The system ranks these; it never says what a connection means. */
public enum RelationType {
    /** A record says so: family member, employer, school, sponsor, associate (with its role). */
    DISCLOSED,
    SHARED_ADDRESS,
    SHARED_PHONE,
    SHARED_EMAIL,
    SHARED_IDENTIFIER,
    /** Both disclose the same organization as employer. */
    SHARED_EMPLOYER,
    SHARED_SPONSOR,
    SHARED_SCHOOL,
    /** The same event reference on the same date (the same flight or crossing), more than once. */
    CO_TRAVEL,
    /** Records scored just under the match threshold: perhaps one person. */
    POSSIBLY_SAME;

    /** The shared-value type of a value key's kind letter (see {@link RecordLinks}). */
    static RelationType ofValueKind(char kind) {
        return switch (kind) {
            case RecordLinks.ADDRESS -> SHARED_ADDRESS;
            case RecordLinks.PHONE -> SHARED_PHONE;
            case RecordLinks.EMAIL -> SHARED_EMAIL;
            case RecordLinks.IDENTIFIER -> SHARED_IDENTIFIER;
            case RecordLinks.TRAVEL -> CO_TRAVEL;
            default -> throw new IllegalArgumentException("unknown value kind " + kind);
        };
    }

    /** The shared-organization type for a disclosed link type, or null when sharing it says nothing. */
    static RelationType sharedOrganization(String disclosedType) {
        return switch (disclosedType) {
            case "EMPLOYER" -> SHARED_EMPLOYER;
            case "SPONSOR" -> SHARED_SPONSOR;
            case "SCHOOL" -> SHARED_SCHOOL;
            default -> null;
        };
    }
}

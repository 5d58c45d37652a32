package io.relata.core.ingest;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Where a CSV column's value goes in the canonical record; {@link #path()} is how a mapping names it. */
public enum CsvTarget {
    // Keep the names.* and addresses.* constants in record-component order: CsvRowMapper indexes by ordinal.
    NAMES_FULL("names.full", true),
    NAMES_GIVEN("names.given", false),
    NAMES_MIDDLE("names.middle", false),
    NAMES_SURNAME("names.surname", false),
    DOB("dob", false),
    GENDER("gender", false),
    NATIONALITIES("nationalities", true),
    ADDRESSES_FULL("addresses.full", false),
    ADDRESSES_LINE1("addresses.line1", false),
    ADDRESSES_LINE2("addresses.line2", false),
    ADDRESSES_CITY("addresses.city", false),
    ADDRESSES_REGION("addresses.region", false),
    ADDRESSES_POSTCODE("addresses.postcode", false),
    ADDRESSES_COUNTRY("addresses.country", false),
    PHONES("phones", true),
    EMAILS("emails", true),
    IDENTIFIERS("identifiers", true),
    RELATIONSHIPS("relationships", true),
    EVENTS("events", true),
    PHOTOS("biometrics.photos", true);

    private final String path;
    private final boolean splittable;

    CsvTarget(String path, boolean splittable) {
        this.path = path;
        this.splittable = splittable;
    }

    public String path() {
        return path;
    }

    /** Whether one cell may hold several values (a mapping's {@code split}). */
    public boolean splittable() {
        return splittable;
    }

    boolean isNamePart() {
        return this == NAMES_FULL || this == NAMES_GIVEN || this == NAMES_MIDDLE || this == NAMES_SURNAME;
    }

    boolean isAddressPart() {
        return name().startsWith("ADDRESSES_");
    }

    /** The target a mapping names, or null. */
    public static CsvTarget ofPath(String path) {
        for (CsvTarget t : values()) {
            if (t.path.equals(path)) return t;
        }
        return null;
    }

    public static String allPaths() {
        return Arrays.stream(values()).map(CsvTarget::path).collect(Collectors.joining(", "));
    }
}

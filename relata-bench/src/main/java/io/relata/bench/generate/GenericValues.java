package io.relata.bench.generate;

/**
 * Values many unrelated people share, which must not pull their records together: shelters and charities
 * used as an address, an immigration lawyer's office used as mailing address, placeholder phones and dates.
 */
final class GenericValues {
    enum Kind { SHELTER_ADDRESS, LAWYER_ADDRESS, PLACEHOLDER_PHONE, PLACEHOLDER_DOB }

    static final PostalAddress[] SHELTERS = {
            new PostalAddress("1100", "Mission", "Street", null, "San Francisco", "CA", "94103", "US"),
            new PostalAddress("425", "Bowery", "Street", null, "New York", "NY", "10003", "US"),
            new PostalAddress("2200", "Central", "Avenue", null, "Houston", "TX", "77002", "US"),
            new PostalAddress("88", "Harbor", "Road", null, "Miami", "FL", "33132", "US")};
    static final PostalAddress[] LAWYER_OFFICES = {
            new PostalAddress("350", "Broadway", "Street", "Suite 1200", "New York", "NY", "10013", "US"),
            new PostalAddress("1800", "Market", "Street", "Suite 450", "Los Angeles", "CA", "90012", "US")};
    static final String[] PLACEHOLDER_PHONES = {"0000000000", "5555555555", "9999999999"};
    static final String PLACEHOLDER_DOB = "1900-01-01";

    private GenericValues() {}

    static boolean isGeneric(PostalAddress a) {
        String key = RingValueSpace.addressKey(a);
        for (PostalAddress g : SHELTERS) if (RingValueSpace.addressKey(g).equals(key)) return true;
        for (PostalAddress g : LAWYER_OFFICES) if (RingValueSpace.addressKey(g).equals(key)) return true;
        return false;
    }

    static boolean isPlaceholderPhone(String digits) {
        for (String p : PLACEHOLDER_PHONES) if (p.equals(digits)) return true;
        return false;
    }
}

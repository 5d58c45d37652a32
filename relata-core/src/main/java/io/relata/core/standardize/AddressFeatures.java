package io.relata.core.standardize;

import io.relata.core.standardize.AddressStandardizer.StandardAddress;
/**
 * One address reduced to what the matcher compares. {@code key} identifies the dwelling (house number,
 * street, unit, and postcode or city) and is what counts toward how many records share an address.
 */
public record AddressFeatures(String houseNumber, String street, String unit, String city, String postcode,
                              String country, String key, String full) {

    public static AddressFeatures of(StandardAddress a, TokenInterner tokens) {
        String locality = a.postcode() != null ? a.postcode() : a.city();
        String key = a.street() == null || a.street().isEmpty() ? null
                : join(a.houseNumber(), a.street(), a.unit(), locality);
        return new AddressFeatures(tokens.intern(blankToNull(a.houseNumber())), tokens.intern(blankToNull(a.street())),
                tokens.intern(blankToNull(a.unit())), tokens.intern(blankToNull(a.city())),
                tokens.intern(blankToNull(a.postcode())), tokens.intern(a.country()), key, a.full());
    }

    private static String join(String... parts) {
        StringBuilder b = new StringBuilder(48);
        for (String p : parts) {
            b.append(p == null ? "" : p).append('|');
        }
        return b.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    public boolean isEmpty() {
        return street == null && city == null && postcode == null;
    }
}

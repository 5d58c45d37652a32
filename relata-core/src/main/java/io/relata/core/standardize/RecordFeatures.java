package io.relata.core.standardize;

import io.relata.core.standardize.DateStandardizer.StandardDate;
import io.relata.core.standardize.IdentifierStandardizer.StandardIdentifier;
import io.relata.core.standardize.OrganizationNameStandardizer.StandardOrgName;
import io.relata.core.model.EntityType;
import io.relata.core.model.RecordKey;

import java.util.List;

/**
 * A record after standardization: every value in the one normalized form the matcher compares.
 * Arrays are for speed on the matching hot path and must be treated as read-only. Phones are national
 * significant numbers, comparable whether or not a source's country is known. Values that could
 * not be standardized are left out and described in {@code problems}; a birth date that cannot be real (no such
 * month or day, before 1900, in the future) is one of them, but its digits stay in {@code implausibleDob}
 * (yyyymmdd, 0 when none), since such a date is most often one mistyped digit of the true one.
 */
public record RecordFeatures(
        RecordKey key,
        EntityType type,
        PersonNameFeatures[] names,
        StandardOrgName[] orgNames,
        StandardDate dob,
        int implausibleDob,
        char gender,
        String[] nationalities,
        String[] phones,
        String[] emails,
        StandardIdentifier[] identifiers,
        AddressFeatures[] addresses,
        List<String> problems) {

    public boolean isPerson() {
        return type == EntityType.PERSON;
    }

    public boolean hasDob() {
        return dob != null;
    }
}

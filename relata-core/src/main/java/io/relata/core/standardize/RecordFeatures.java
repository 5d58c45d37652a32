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
 * not be standardized are left out and described in {@code problems}.
 */
public record RecordFeatures(
        RecordKey key,
        EntityType type,
        PersonNameFeatures[] names,
        StandardOrgName[] orgNames,
        StandardDate dob,
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

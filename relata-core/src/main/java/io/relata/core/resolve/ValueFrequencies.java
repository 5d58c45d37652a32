package io.relata.core.resolve;

import io.relata.core.standardize.AddressFeatures;
import io.relata.core.standardize.PersonNameFeatures;
import io.relata.core.standardize.RecordFeatures;
import io.relata.core.standardize.IdentifierStandardizer.StandardIdentifier;
import io.relata.core.standardize.OrganizationNameStandardizer.StandardOrgName;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;

/**
 * How many records hold each value (a name, a phone, an address...). A value shared by many records says
 * little about identity: the scorer weighs agreement on it accordingly, and blocking treats it as generic.
 */
public final class ValueFrequencies {
    static final long MIN_RECORDS = 1_000;

    private final Long2IntOpenHashMap counts;
    private long records;

    public ValueFrequencies(int expectedValues) {
        counts = new Long2IntOpenHashMap(expectedValues);
    }

    public static ValueFrequencies of(RecordFeatures[] records) {
        ValueFrequencies f = new ValueFrequencies(records.length * 4);
        for (RecordFeatures r : records) f.add(r, 1);
        return f;
    }

    /** Adds (delta = 1) or removes (delta = -1) a record's values. */
    public void add(RecordFeatures r, int delta) {
        records += delta;
        for (PersonNameFeatures n : r.names()) {
            if (n.given() != null) bump(ValueKind.GIVEN, n.given(), delta);
            if (n.surname() != null) bump(ValueKind.SURNAME, n.surname(), delta);
        }
        for (StandardOrgName o : r.orgNames()) bump(ValueKind.ORG_NAME, o.name(), delta);
        for (String p : r.phones()) bump(ValueKind.PHONE, p, delta);
        for (String e : r.emails()) bump(ValueKind.EMAIL, e, delta);
        for (AddressFeatures a : r.addresses()) {
            if (a.key() != null) bump(ValueKind.ADDRESS, a.key(), delta);
        }
        for (StandardIdentifier id : r.identifiers()) {
            bump(ValueKind.IDENTIFIER, id.type() + ':' + id.value(), delta);
        }
    }

    private void bump(int kind, String value, int delta) {
        counts.addTo(KeyHash.of(kind, value), delta);
    }

    public int count(int kind, String value) {
        return counts.get(KeyHash.of(kind, value));
    }

    /**
     * Whether there are enough records for their value counts to stand for the population: in a batch of a
     * dozen records, "smith" in three of them says nothing about how common Smith is.
     */
    public boolean isRepresentative() {
        return records >= MIN_RECORDS;
    }

    /** The share of records that hold the value, at least one record's share. */
    public double frequency(int kind, String value) {
        return Math.max(1, count(kind, value)) / (double) Math.max(1, records);
    }

    public long records() {
        return records;
    }
}

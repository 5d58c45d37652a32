package io.relata.bench.generate;

import java.util.ArrayList;
import java.util.List;

/** An employer, school or sponsor: one entity written by a few sources with legal-form variants of its name. */
final class Organization {
    enum Kind { EMPLOYER, SCHOOL, SPONSOR }

    final String entityId;
    final Kind kind;
    /** The distinctive part of the name, e.g. "Summit Logistics". */
    final String stem;
    /** Long and short legal form, e.g. "Corporation"/"Corp"; empty for schools. */
    final String legalLong;
    final String legalShort;
    final PostalAddress address;
    final String phone;
    final String taxId;
    final List<Draft> records = new ArrayList<>(3);

    Organization(String entityId, Kind kind, String stem, String legalLong, String legalShort, PostalAddress address,
                 String phone, String taxId) {
        this.entityId = entityId;
        this.kind = kind;
        this.stem = stem;
        this.legalLong = legalLong;
        this.legalShort = legalShort;
        this.address = address;
        this.phone = phone;
        this.taxId = taxId;
    }
}

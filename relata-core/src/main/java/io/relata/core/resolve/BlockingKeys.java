package io.relata.core.resolve;

import io.relata.core.standardize.AddressFeatures;
import io.relata.core.standardize.PersonNameFeatures;
import io.relata.core.standardize.RecordFeatures;
import io.relata.core.standardize.DateStandardizer.StandardDate;
import io.relata.core.standardize.IdentifierStandardizer.StandardIdentifier;
import io.relata.core.standardize.OrganizationNameStandardizer.StandardOrgName;

import java.util.function.LongConsumer;

/**
 * The blocking keys of a record: records that share any key become a candidate pair. Several keys at once,
 * so that an error in one field (a misspelled surname, a wrong birth date) still leaves another key that
 * brings the two records together. Person and organization keys never meet.
 */
final class BlockingKeys {
    private static final int SURNAME_YEAR = 1, NAME_SOUNDS = 2, NAME_PREFIX = 3, DOB_GIVEN = 4, DOB_SURNAME = 5,
            IDENTIFIER = 6, PHONE = 7, EMAIL = 8, ADDRESS_SURNAME = 9, ORG_NAME = 10, ORG_TOKEN = 11,
            ORG_ADDRESS = 12, EMAIL_LOCAL = 13;
    private static final int ORGANIZATION_OFFSET = 1000;

    private BlockingKeys() {}

    /** Emits every blocking key of r (a key may repeat; the generator ignores repeats). */
    static void keys(RecordFeatures r, LongConsumer out) {
        if (r.isPerson()) personKeys(r, out);
        else organizationKeys(r, out);
        int offset = r.isPerson() ? 0 : ORGANIZATION_OFFSET;
        for (StandardIdentifier id : r.identifiers()) {
            if (id.value().length() >= 4) out.accept(hash(IDENTIFIER + offset, id.value()));
        }
        for (String p : r.phones()) out.accept(hash(PHONE + offset, p));
        for (String e : r.emails()) {
            out.accept(hash(EMAIL + offset, e));
            // the local part alone still meets when the domain is misspelled
            int at = e.indexOf('@');
            if (at >= 3) out.accept(hash(EMAIL_LOCAL + offset, e.substring(0, at)));
        }
    }

    private static void personKeys(RecordFeatures r, LongConsumer out) {
        StandardDate dob = r.dob();
        int dobKey = 0;
        if (dob != null && dob.month() != 0 && dob.day() != 0) {
            // day and month in sorted order, so that a swapped date keeps its key
            dobKey = dob.year() * 10000 + Math.min(dob.month(), dob.day()) * 100 + Math.max(dob.month(), dob.day());
        }
        for (PersonNameFeatures n : r.names()) {
            String gp = n.givenPhonetic(), sp = n.surnamePhonetic();
            if (sp != null && !sp.isEmpty() && dob != null) {
                out.accept(KeyHash.finish(KeyHash.add(KeyHash.add(KeyHash.start(SURNAME_YEAR), sp), dob.year())));
            }
            if (gp != null && sp != null && !gp.isEmpty() && !sp.isEmpty()) {
                out.accept(unordered(NAME_SOUNDS, gp, sp));
            }
            if (n.given() != null && n.surname() != null) {
                out.accept(unordered(NAME_PREFIX, prefix(n.given(), 2), prefix(n.surname(), 3)));
            }
            if (dobKey != 0 && n.given() != null) {
                out.accept(KeyHash.finish(KeyHash.add(KeyHash.add(KeyHash.start(DOB_GIVEN), dobKey),
                        n.given().charAt(0))));
            }
            if (dobKey != 0 && n.surname() != null) {
                out.accept(KeyHash.finish(KeyHash.add(KeyHash.add(KeyHash.start(DOB_SURNAME), dobKey),
                        n.surname().charAt(0))));
            }
            for (AddressFeatures a : r.addresses()) {
                if (a.key() != null && sp != null && !sp.isEmpty()) {
                    out.accept(KeyHash.finish(KeyHash.add(KeyHash.add(KeyHash.start(ADDRESS_SURNAME), a.key()), sp)));
                }
            }
        }
    }

    private static void organizationKeys(RecordFeatures r, LongConsumer out) {
        for (StandardOrgName o : r.orgNames()) {
            out.accept(hash(ORG_NAME, o.name()));
            for (String t : o.tokens()) {
                if (t.length() >= 3) out.accept(hash(ORG_TOKEN, t));
            }
        }
        for (AddressFeatures a : r.addresses()) {
            if (a.key() != null) out.accept(hash(ORG_ADDRESS, a.key()));
        }
    }

    private static long hash(int kind, String value) {
        return KeyHash.of(kind, value);
    }

    private static long unordered(int kind, String x, String y) {
        boolean inOrder = x.compareTo(y) <= 0;
        return KeyHash.finish(KeyHash.add(KeyHash.add(KeyHash.start(kind), inOrder ? x : y), inOrder ? y : x));
    }

    private static String prefix(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }
}

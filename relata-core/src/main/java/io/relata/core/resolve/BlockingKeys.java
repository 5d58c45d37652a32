package io.relata.core.resolve;

import io.relata.core.standardize.AddressFeatures;
import io.relata.core.standardize.PersonNameFeatures;
import io.relata.core.standardize.RecordFeatures;
import io.relata.core.standardize.DateStandardizer.StandardDate;
import io.relata.core.standardize.IdentifierStandardizer.StandardIdentifier;
import io.relata.core.standardize.OrganizationNameStandardizer.StandardOrgName;


/**
 * The blocking keys of a record: records that share any key become a candidate pair. Several keys at once,
 * so that an error in one field (a misspelled surname, a wrong birth date) still leaves another key that
 * brings the two records together. Person and organization keys never meet.
 */
final class BlockingKeys {
    static final int SURNAME_YEAR = 1, NAME_SOUNDS = 2, NAME_PREFIX = 3, DOB_INITIAL = 4, IDENTIFIER = 5,
            PHONE = 6, EMAIL = 7, EMAIL_LOCAL = 8, ADDRESS_SURNAME = 9, ADDRESS_GIVEN = 10, ORG_NAME = 11,
            ORG_TOKEN = 12, ORG_ADDRESS = 13, ORG_IDENTIFIER = 14, ORG_PHONE = 15, ORG_EMAIL = 16,
            ORG_EMAIL_LOCAL = 17;
    /** Names of the key kinds, indexed by kind, for reports. */
    static final String[] KIND_NAMES = {"", "surname sound+birth year+given initial", "given+surname sounds",
            "name prefixes", "birth date+name initial", "identifier", "phone", "email", "email local part",
            "address+surname sound", "address+given name root", "organization name", "organization name token",
            "organization address", "organization identifier", "organization phone", "organization email",
            "organization email local part"};
    private static final int ORGANIZATION_OFFSET = ORG_IDENTIFIER - IDENTIFIER;

    static boolean isNameOnly(int kind) {
        return kind == NAME_SOUNDS || kind == NAME_PREFIX || kind == ORG_TOKEN;
    }

    /** Receives each key: its kind and its 64-bit hash. */
    interface Sink {
        void key(int kind, long hash);
    }

    private BlockingKeys() {}

    /** Emits every blocking key of r (a key may repeat; the generator ignores repeats). */
    static void keys(RecordFeatures r, Sink out) {
        if (r.isPerson()) personKeys(r, out);
        else organizationKeys(r, out);
        int offset = r.isPerson() ? 0 : ORGANIZATION_OFFSET;
        for (StandardIdentifier id : r.identifiers()) {
            if (id.value().length() >= 4) out.key(IDENTIFIER + offset, hash(IDENTIFIER, id.value()));
        }
        for (String p : r.phones()) out.key(PHONE + offset, hash(PHONE, p));
        for (String e : r.emails()) {
            out.key(EMAIL + offset, hash(EMAIL, e));
            // the local part alone still meets when the domain is misspelled
            int at = e.indexOf('@');
            if (at >= 3) out.key(EMAIL_LOCAL + offset, hash(EMAIL_LOCAL, e.substring(0, at)));
        }
    }

    private static void personKeys(RecordFeatures r, Sink out) {
        StandardDate dob = r.dob();
        int dobKey = 0;
        if (dob != null && dob.month() != 0 && dob.day() != 0) {
            // day and month in sorted order, so that a swapped date keeps its key
            dobKey = dob.year() * 10000 + Math.min(dob.month(), dob.day()) * 100 + Math.max(dob.month(), dob.day());
        }
        for (PersonNameFeatures n : r.names()) {
            String sp = n.surnamePhonetic();
            if (sp != null && !sp.isEmpty()) {
                if (dob != null) {
                    // with the initial of the given name's root, so Bill and William still meet
                    char initial = n.givenRoot() == null ? '*' : n.givenRoot().charAt(0);
                    out.key(SURNAME_YEAR, KeyHash.finish(KeyHash.add(KeyHash.add(KeyHash.add(
                            KeyHash.start(SURNAME_YEAR), sp), dob.year()), initial)));
                }
                nameSoundsKey(n, sp, out);
                // each part of a compound surname (Garcia Lopez) alone, for sources that write only one
                for (String part : n.surnamePartPhonetics()) nameSoundsKey(n, part, out);
            }
            if (n.given() != null && n.surname() != null) {
                out.key(NAME_PREFIX, unordered(NAME_PREFIX, prefix(n.given(), 2), prefix(n.surname(), 3)));
            }
            if (dobKey != 0) {
                // one kind for both initials: a record with only a given name meets one with only a surname
                // through a third that has both, and swapped names meet directly
                char gi = n.given() == null ? 0 : n.given().charAt(0), si = n.surname() == null ? 0 : n.surname().charAt(0);
                if (gi != 0) out.key(DOB_INITIAL, dobInitial(dobKey, gi));
                if (si != 0 && si != gi) out.key(DOB_INITIAL, dobInitial(dobKey, si));
            }
            for (AddressFeatures a : r.addresses()) {
                if (a.key() == null) continue;
                if (sp != null && !sp.isEmpty()) {
                    out.key(ADDRESS_SURNAME,
                            KeyHash.finish(KeyHash.add(KeyHash.add(KeyHash.start(ADDRESS_SURNAME), a.key()), sp)));
                }
                // a misspelled or shortened surname at the same dwelling still meets through the given name
                if (n.givenRoot() != null) {
                    out.key(ADDRESS_GIVEN, KeyHash.finish(KeyHash.add(KeyHash.add(KeyHash.start(ADDRESS_GIVEN),
                            a.key()), n.givenRoot())));
                }
            }
        }
    }

    private static long dobInitial(int dobKey, char initial) {
        return KeyHash.finish(KeyHash.add(KeyHash.add(KeyHash.start(DOB_INITIAL), dobKey), initial));
    }

    private static void nameSoundsKey(PersonNameFeatures n, String surnameSound, Sink out) {
        String gp = n.givenPhonetic();
        if (gp != null && !gp.isEmpty() && !surnameSound.isEmpty()) {
            out.key(NAME_SOUNDS, unordered(NAME_SOUNDS, gp, surnameSound));
        }
    }

    private static void organizationKeys(RecordFeatures r, Sink out) {
        for (StandardOrgName o : r.orgNames()) {
            out.key(ORG_NAME, hash(ORG_NAME, o.name()));
            for (String t : o.tokens()) {
                if (t.length() >= 3) out.key(ORG_TOKEN, hash(ORG_TOKEN, t));
            }
        }
        for (AddressFeatures a : r.addresses()) {
            if (a.key() != null) out.key(ORG_ADDRESS, hash(ORG_ADDRESS, a.key()));
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

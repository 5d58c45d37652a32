package io.relata.core.relate.pattern;

import io.relata.core.relate.RecordLinks;
import io.relata.core.relate.RelationGraph;
import io.relata.core.standardize.PersonNameFeatures;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What tells an ordinary household apart from a pattern: members of a family share surnames and disclose
 * each other as family. Patterns use it so that a family sharing a flat, a phone or a flight is not a lead.
 */
final class Households {
    private Households() {}

    /**
     * An entity's surnames, their parts, and how they sound (prefixed {@code ~}): a misspelt surname (Johnosn) or
     * another form of it (Alekseeva, Alekseyev) is still the family's, and two entities of one person that
     * resolution kept apart are not taken for strangers.
     */
    static Set<String> surnames(List<RecordLinks> records) {
        Set<String> out = new HashSet<>(4);
        for (RecordLinks r : records) {
            for (PersonNameFeatures n : r.features().names()) {
                if (n.surname() == null) continue;
                out.add(n.surname());
                for (String t : n.surnameTokens()) if (t.length() > 2) out.add(t);
                if (n.surnamePhonetic() != null && n.surnamePhonetic().length() > 1) out.add("~" + n.surnamePhonetic());
                for (String p : n.surnamePartPhonetics()) if (p != null && p.length() > 1) out.add("~" + p);
            }
        }
        return out;
    }

    /** Whether two entities look like one family: a shared surname, or a disclosed family link. */
    static boolean family(RelationGraph graph, long a, long b) {
        List<RecordLinks> ra = graph.records(a), rb = graph.records(b);
        Set<String> sa = surnames(ra);
        for (String s : surnames(rb)) if (sa.contains(s)) return true;
        return disclosesFamily(ra, rb) || disclosesFamily(rb, ra);
    }

    private static boolean disclosesFamily(List<RecordLinks> from, List<RecordLinks> to) {
        Set<Object> targets = new HashSet<>();
        for (RecordLinks r : to) targets.add(r.key());
        for (RecordLinks r : from) {
            for (RecordLinks.Disclosed d : r.disclosed()) {
                if ((d.type().equals("FAMILY") || d.type().equals("SPOUSE")) && targets.contains(d.target())) return true;
            }
        }
        return false;
    }

    static boolean isPerson(RelationGraph graph, long entity) {
        List<RecordLinks> records = graph.records(entity);
        return !records.isEmpty() && records.get(0).features().isPerson();
    }
}

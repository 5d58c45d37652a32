package io.relata.core.relate.pattern;

import io.relata.core.relate.RecordLinks;
import io.relata.core.relate.RelationGraph;
import io.relata.core.relate.RelationType;

import it.unimi.dsi.fastutil.longs.LongSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code identity-ring}: distinct identities of different families densely tied through values that should
 * each belong to one person or household (identifiers, phones, e-mails, addresses): the pattern of a synthetic-
 * identity ring. A group counts when it has at least {@code minMembers} identities, at least
 * {@code minSharedValues} shared values of which at least {@code minIdentifiers} are identifiers (a household
 * or flatmates share a flat and a phone, not a passport or an SSN), and a density (pairs that share a value / all pairs) of at least
 * {@code minDensity}. Family pairs and generic values are left out first.
 */
public record IdentityRingPattern(int minMembers, int maxMembers, int minSharedValues, double minDensity,
                                  int minIdentifiers) implements LeadPattern {
    public static final String NAME = "identity-ring";
    /** A scoped scan follows ties this far at most; a group that large is no ring anyway. */
    static final int REACH_LIMIT = 50_000;
    private static final RelationType[] TIES = {RelationType.SHARED_IDENTIFIER, RelationType.SHARED_PHONE,
            RelationType.SHARED_EMAIL, RelationType.SHARED_ADDRESS};

    /** A ring that must share at least one identifier. */
    public IdentityRingPattern(int minMembers, int maxMembers, int minSharedValues, double minDensity) {
        this(minMembers, maxMembers, minSharedValues, minDensity, 1);
    }

    public static IdentityRingPattern defaults() {
        return new IdentityRingPattern(3, 30, 2, 0.3, 1);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return minMembers + "-" + maxMembers + " identities of different families tied by " + minSharedValues
                + "+ shared identifiers (" + minIdentifiers + "+), phones, e-mails or addresses, density " + minDensity + "+";
    }

    @Override
    public List<Lead> find(RelationGraph graph, List<Lead> earlier, LongSet scope) {
        PairGroups ties = new PairGroups();
        FamilyCache families = new FamilyCache(graph);
        // a ring is a whole group: look at everything tied to the scope, however far
        LongSet reach = scope == null ? null : graph.reachable(scope, java.util.EnumSet.copyOf(List.of(TIES)), REACH_LIMIT);
        for (RelationType type : TIES) {
            int cap = graph.settings().genericAbove(type);
            graph.forEachValue(type, cap, reach, (key, display, holders) -> {
                if (holders.size() > cap) return;
                long[] people = holders.longStream().filter(e -> families.isPerson(e)).sorted().toArray();
                int[] family = families.families(people);
                for (int i = 0; i < people.length; i++) {
                    for (int j = i + 1; j < people.length; j++) {
                        if (family[i] != family[j]) ties.add(people[i], people[j], key, describe(type, display));
                    }
                }
            });
        }
        List<Lead> out = new ArrayList<>();
        for (PairGroups.Group g : ties.groups(1)) {
            int n = g.members().size();
            if (n < minMembers || n > maxMembers || g.values().size() < minSharedValues) continue;
            long identifiers = g.values().keySet().stream().filter(RecordLinks::isIdentifier).count();
            if (identifiers < minIdentifiers || g.density() < minDensity) continue;
            List<String> evidence = new ArrayList<>();
            evidence.add(String.format(java.util.Locale.ROOT, "%d identities of different families share %d values; %d of %d pairs are tied (density %.2f)",
                    n, g.values().size(), g.pairs(), n * (n - 1) / 2, g.density()));
            for (Map.Entry<String, String> v : g.values().entrySet()) evidence.add(v.getValue());
            out.add(new Lead(NAME, NAME + ":" + g.values().firstKey(), n * g.density() * g.values().size(), evidence,
                    g.members()));
        }
        return out;
    }

    static String describe(RelationType type, String display) {
        return switch (type) {
            case SHARED_IDENTIFIER -> "identifier " + display;
            case SHARED_PHONE -> "phone " + display;
            case SHARED_EMAIL -> "e-mail " + display;
            case SHARED_ADDRESS -> "address " + display;
            case CO_TRAVEL -> "trip " + display;
            default -> display;
        };
    }
}

package io.relata.core.relate.pattern;

import io.relata.core.relate.RelationGraph;
import io.relata.core.relate.RelationType;

import it.unimi.dsi.fastutil.longs.LongSet;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code shared-contact}: one phone, e-mail or identifier used by several distinct identities. An identifier
 * that belongs to one person (a passport, an SSN) is a lead as soon as two unrelated identities hold it; a
 * phone or e-mail when {@code minContactSharers} identities from different families hold it (a family phone
 * is no lead). Generic values (placeholders) are left out.
 */
public record SharedContactPattern(int minIdentifierSharers, int minContactSharers) implements LeadPattern {
    public static final String NAME = "shared-contact";

    public static SharedContactPattern defaults() {
        return new SharedContactPattern(2, 3);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "an identifier held by " + minIdentifierSharers + "+ unrelated identities, or a phone or e-mail by "
                + minContactSharers + "+ identities of different families";
    }

    @Override
    public List<Lead> find(RelationGraph graph, List<Lead> earlier, LongSet scope) {
        List<Lead> out = new ArrayList<>();
        scan(graph, scope, RelationType.SHARED_IDENTIFIER, "identifier", minIdentifierSharers, 3.0, out);
        scan(graph, scope, RelationType.SHARED_PHONE, "phone", minContactSharers, 1.5, out);
        scan(graph, scope, RelationType.SHARED_EMAIL, "e-mail", minContactSharers, 2.0, out);
        return out;
    }

    private void scan(RelationGraph graph, LongSet scope, RelationType type, String what, int min, double weight, List<Lead> out) {
        int cap = graph.settings().genericAbove(type);
        graph.forEachValue(type, cap, scope, (key, display, holders) -> {
            if (holders.size() > cap || holders.size() < min) return;
            List<Long> ids = new ArrayList<>(holders);
            ids.sort(null);
            int families = SharedAddressPattern.distinctSurnameGroups(graph, ids);
            if (families < min) return;
            out.add(new Lead(NAME, NAME + ":" + key, weight * families,
                    List.of(ids.size() + " identities of " + families + " families use the " + what + " " + display), ids));
        });
    }
}

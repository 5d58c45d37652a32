package io.relata.core.relate.pattern;

import io.relata.core.relate.RecordLinks;
import io.relata.core.relate.RelationGraph;

import it.unimi.dsi.fastutil.longs.LongSet;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code org-concentration}: an organization that employs, sponsors or schools unusually many people who are
 * in other leads: at least {@code minInLeads} of them, and at least {@code minShare} of all it is linked to.
 * Runs after the other patterns, on their leads.
 */
public record OrgConcentrationPattern(int minInLeads, double minShare) implements LeadPattern {
    public static final String NAME = "org-concentration";

    public static OrgConcentrationPattern defaults() {
        return new OrgConcentrationPattern(3, 0.2);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "an organization linked to " + minInLeads + "+ people in other leads, " + Math.round(minShare * 100)
                + "%+ of the people it is linked to";
    }

    @Override
    public List<Lead> find(RelationGraph graph, List<Lead> earlier, LongSet scope) {
        Set<Long> inLeads = new HashSet<>();
        for (Lead l : earlier) if (!l.pattern().equals(NAME)) inLeads.addAll(l.members());
        // the organizations of people in leads, or (scoped) those linked to a scope entity or in the scope
        Set<Long> orgs = new HashSet<>();
        for (long e : scope == null ? inLeads : scope) {
            if (!Households.isPerson(graph, e)) {
                if (graph.containsEntity(e)) orgs.add(e);
                continue;
            }
            for (RecordLinks r : graph.records(e)) {
                for (RecordLinks.Disclosed d : r.disclosed()) {
                    long org = graph.entityOf(d.target());
                    if (org > 0 && !Households.isPerson(graph, org)) orgs.add(org);
                }
            }
        }
        List<Lead> out = new ArrayList<>();
        for (long org : orgs) {
            Map<Long, String> linked = graph.disclosers(org);
            List<Long> flagged = linked.keySet().stream().filter(inLeads::contains).sorted().toList();
            double share = linked.isEmpty() ? 0 : flagged.size() / (double) linked.size();
            if (flagged.size() < minInLeads || share < minShare) continue;
            List<Long> members = new ArrayList<>(flagged);
            members.add(0, org);
            List<RecordLinks> records = graph.records(org);
            String name = records.get(0).features().orgNames().length > 0
                    ? records.get(0).features().orgNames()[0].name() : records.get(0).key().toString();
            out.add(new Lead(NAME, NAME + ":" + records.get(0).key(), flagged.size() * share,
                    List.of(String.format(java.util.Locale.ROOT, "%s is linked to %d people, %d of them (%.0f%%) in other leads",
                            name, linked.size(), flagged.size(), share * 100)), members));
        }
        return out;
    }
}

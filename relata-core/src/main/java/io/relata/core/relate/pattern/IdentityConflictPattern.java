package io.relata.core.relate.pattern;

import io.relata.core.relate.RecordLinks;
import io.relata.core.relate.RelationGraph;
import io.relata.core.standardize.DateStandardizer.StandardDate;
import io.relata.core.standardize.IdentifierStandardizer.StandardIdentifier;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code identity-conflict}: one identity whose sources disagree on what should not change: birth dates years
 * apart, nationalities with nothing in common, or two different identifiers of the same type and country.
 * Differences a typist makes (one digit, day and month swapped) are not conflicts.
 */
public record IdentityConflictPattern(int minYearsApart) implements LeadPattern {
    public static final String NAME = "identity-conflict";
    private static final LevenshteinDistance ONE_EDIT = new LevenshteinDistance(1);

    public static IdentityConflictPattern defaults() {
        return new IdentityConflictPattern(2);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "an identity with birth dates " + minYearsApart + "+ years apart, disjoint nationalities or two identifiers of one type";
    }

    @Override
    public List<Lead> find(RelationGraph graph, List<Lead> earlier) {
        List<Lead> out = new ArrayList<>();
        for (long entity : graph.entities()) {
            List<RecordLinks> records = graph.records(entity);
            if (records.size() < 2 || !records.get(0).features().isPerson()) continue;
            List<String> evidence = conflicts(records);
            if (!evidence.isEmpty()) {
                out.add(new Lead(NAME, NAME + ":" + records.get(0).key(), evidence.size(), evidence, List.of(entity)));
            }
        }
        return out;
    }

    List<String> conflicts(List<RecordLinks> records) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            for (int j = i + 1; j < records.size(); j++) {
                RecordLinks a = records.get(i), b = records.get(j);
                StandardDate da = a.features().dob(), db = b.features().dob();
                if (da != null && db != null && da.year() > 0 && db.year() > 0
                        && Math.abs(da.year() - db.year()) >= minYearsApart) {
                    out.add("birth year " + da.year() + " in " + a.key() + " but " + db.year() + " in " + b.key());
                }
                Set<String> na = Set.of(a.features().nationalities()), nb = Set.of(b.features().nationalities());
                if (!na.isEmpty() && !nb.isEmpty() && java.util.Collections.disjoint(na, nb)) {
                    out.add("nationality " + String.join("/", new java.util.TreeSet<>(na)) + " in " + a.key() + " but "
                            + String.join("/", new java.util.TreeSet<>(nb)) + " in " + b.key());
                }
            }
        }
        Map<String, Set<String>> idsByType = new HashMap<>();
        Map<String, String> where = new HashMap<>();
        for (RecordLinks r : records) {
            for (StandardIdentifier id : r.features().identifiers()) {
                if (id.value() == null || id.value().isEmpty()) continue;
                String type = id.type() + (id.country() == null ? "" : " " + id.country());
                Set<String> seen = idsByType.computeIfAbsent(type, k -> new HashSet<>());
                for (String other : seen) {
                    if (!other.equals(id.value()) && ONE_EDIT.apply(other, id.value()) < 0) {
                        out.add(type + " " + other + " in " + where.get(type + "|" + other) + " but " + id.value() + " in " + r.key());
                    }
                }
                if (seen.add(id.value())) where.put(type + "|" + id.value(), r.key().toString());
            }
        }
        return out.stream().distinct().toList();
    }
}

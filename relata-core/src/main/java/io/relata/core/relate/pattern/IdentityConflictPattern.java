package io.relata.core.relate.pattern;

import io.relata.core.model.RecordKey;
import io.relata.core.relate.RecordLinks;
import io.relata.core.relate.RelationGraph;
import io.relata.core.resolve.MatchModel;
import io.relata.core.standardize.DateStandardizer.StandardDate;
import io.relata.core.standardize.IdentifierStandardizer.StandardIdentifier;
import org.apache.commons.text.similarity.LevenshteinDistance;

import it.unimi.dsi.fastutil.longs.LongSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code identity-conflict}: one identity whose sources disagree on what a person does not change: birth
 * years at least {@code minYearsApart} apart, nationalities with nothing in common, or two values of an
 * identifier kept for life (SSN, A-number, national id: {@code identifierTypes}) of the same type and country.
 * What a typist does (one wrong digit, day and month swapped) is not a conflict. It finds people who use
 * several identities, and records merged that an analyst should split.
 */
public record IdentityConflictPattern(int minYearsApart, Set<String> identifierTypes) implements LeadPattern {
    public static final String NAME = "identity-conflict";
    private static final LevenshteinDistance ONE_EDIT = new LevenshteinDistance(1);

    public IdentityConflictPattern {
        identifierTypes = Set.copyOf(identifierTypes);
    }

    public static IdentityConflictPattern defaults() {
        return new IdentityConflictPattern(2, MatchModel.defaults().lifetimeIdentifierTypes());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "an identity with birth years " + minYearsApart + "+ apart, disjoint nationalities, or two values of "
                + "one lifetime identifier " + new TreeSet<>(identifierTypes);
    }

    @Override
    public List<Lead> find(RelationGraph graph, List<Lead> earlier, LongSet scope) {
        List<Lead> out = new ArrayList<>();
        for (long entity : scope == null ? graph.entities() : scope) {
            List<RecordLinks> records = graph.records(entity);
            if (records.size() < 2 || !records.get(0).features().isPerson()) continue;
            List<String> evidence = conflicts(records);
            if (!evidence.isEmpty()) {
                out.add(new Lead(NAME, NAME + ":" + records.get(0).key(), evidence.size(), evidence, List.of(entity)));
            }
        }
        return out;
    }

    /** One line per field in conflict, each value with the records that give it. */
    List<String> conflicts(List<RecordLinks> records) {
        Map<String, Set<RecordKey>> years = new TreeMap<>(), nationalities = new TreeMap<>();
        Map<String, Map<String, Set<RecordKey>>> ids = new TreeMap<>();
        for (RecordLinks r : records) {
            StandardDate dob = r.features().dob();
            if (dob != null && dob.year() > 0) add(years, Integer.toString(dob.year()), r.key());
            String[] nats = r.features().nationalities();
            if (nats.length > 0) add(nationalities, String.join("/", new TreeSet<>(List.of(nats))), r.key());
            for (StandardIdentifier id : r.features().identifiers()) {
                if (id.value() == null || id.value().isEmpty() || !identifierTypes.contains(id.type())) continue;
                String type = id.type() + (id.country() == null ? "" : " " + id.country());
                add(ids.computeIfAbsent(type, k -> new TreeMap<>()), id.value(), r.key());
            }
        }
        List<String> out = new ArrayList<>();
        if (apart(years.keySet())) out.add("birth year: " + list(years));
        if (disjoint(nationalities.keySet())) out.add("nationality: " + list(nationalities));
        ids.forEach((type, values) -> {
            if (distinctBeyondTypos(values.keySet())) out.add(type + ": " + list(values));
        });
        return out;
    }

    private boolean apart(Set<String> years) {
        int min = Integer.MAX_VALUE, max = Integer.MIN_VALUE;
        for (String y : years) {
            min = Math.min(min, Integer.parseInt(y));
            max = Math.max(max, Integer.parseInt(y));
        }
        return years.size() > 1 && max - min >= minYearsApart;
    }

    /** Whether some two records' nationality lists have no country in common. */
    private static boolean disjoint(Set<String> lists) {
        List<Set<String>> sets = lists.stream().map(l -> Set.of(l.split("/"))).toList();
        for (int i = 0; i < sets.size(); i++) {
            for (int j = i + 1; j < sets.size(); j++) if (java.util.Collections.disjoint(sets.get(i), sets.get(j))) return true;
        }
        return false;
    }

    /** Whether two of the values differ by more than one edit. */
    private static boolean distinctBeyondTypos(Set<String> values) {
        List<String> v = List.copyOf(values);
        for (int i = 0; i < v.size(); i++) {
            for (int j = i + 1; j < v.size(); j++) if (ONE_EDIT.apply(v.get(i), v.get(j)) < 0) return true;
        }
        return false;
    }

    private static void add(Map<String, Set<RecordKey>> values, String value, RecordKey record) {
        values.computeIfAbsent(value, k -> new TreeSet<>()).add(record);
    }

    private static String list(Map<String, Set<RecordKey>> values) {
        return values.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue().stream().map(RecordKey::toString)
                .collect(Collectors.joining(", ")) + ")").collect(Collectors.joining(" vs "));
    }
}

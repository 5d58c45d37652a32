package io.relata.core.relate.pattern;

import io.relata.core.relate.RelationGraph;

import it.unimi.dsi.fastutil.longs.LongSet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The named patterns, in the order they run (org-concentration last: it reads the others' leads). */
public final class PatternCatalog {
    private final List<LeadPattern> patterns;

    public PatternCatalog(List<LeadPattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    public static PatternCatalog defaults() {
        return new PatternCatalog(List.of(SharedAddressPattern.defaults(), SharedContactPattern.defaults(),
                IdentityConflictPattern.defaults(), IdentityRingPattern.defaults(), CoTravelPattern.defaults(),
                OrgConcentrationPattern.defaults()));
    }

    public List<LeadPattern> patterns() {
        return patterns;
    }

    public Optional<LeadPattern> pattern(String name) {
        return patterns.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Runs every pattern (or the one named, with those it reads) and returns the leads, highest score first. */
    public List<Lead> scan(RelationGraph graph, String onlyOrNull) {
        return scan(graph, onlyOrNull, null, List.of());
    }

    /**
     * Runs the patterns on the entities of {@code scope} only (null: everything), as a re-scan after a change
     * does; {@code otherLeads} are the current leads outside the scope, which org-concentration reads too.
     */
    public List<Lead> scan(RelationGraph graph, String onlyOrNull, LongSet scope, List<Lead> otherLeads) {
        if (onlyOrNull != null && pattern(onlyOrNull).isEmpty()) {
            throw new IllegalArgumentException("unknown pattern '" + onlyOrNull + "'; known: "
                    + patterns.stream().map(LeadPattern::name).toList());
        }
        List<Lead> all = new ArrayList<>();
        boolean needsOthers = OrgConcentrationPattern.NAME.equals(onlyOrNull);
        for (LeadPattern p : patterns) {
            if (onlyOrNull != null && !needsOthers && !p.name().equals(onlyOrNull)) continue;
            List<Lead> earlier = new ArrayList<>(all);
            earlier.addAll(otherLeads);
            all.addAll(p.find(graph, earlier, scope));
        }
        if (onlyOrNull != null) all.removeIf(l -> !l.pattern().equals(onlyOrNull));
        all.sort(Comparator.comparingDouble(Lead::score).reversed().thenComparing(Lead::key));
        return all;
    }
}

package io.relata.core.relate;

import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers the evidence linking one entity to each other entity and turns it into relations. A value seen
 * through several records counts once (its strongest sighting); co-travel counts only once the two share
 * enough trips.
 */
final class RelationCollector {
    private final long self;
    private final RelateSettings settings;
    private final Long2ObjectOpenHashMap<Map<String, Evidence>> byEntity = new Long2ObjectOpenHashMap<>();

    RelationCollector(long self, RelateSettings settings) {
        this.self = self;
        this.settings = settings;
    }

    void add(long other, Evidence e) {
        if (other == self || other <= 0) return;
        Map<String, Evidence> evidence = byEntity.computeIfAbsent(other, k -> new HashMap<>(4));
        // disclosed links and possible matches are per record pair; shared values count once per value
        String key = switch (e.type()) {
            case DISCLOSED, POSSIBLY_SAME -> e.type() + "|" + e.from() + "|" + e.to() + "|" + e.detail();
            default -> e.type() + "|" + e.detail();
        };
        evidence.merge(key, e, (a, b) -> a.strength() >= b.strength() ? a : b);
    }

    List<Relation> relations() {
        List<Relation> out = new ArrayList<>(byEntity.size());
        for (var entry : byEntity.long2ObjectEntrySet()) {
            List<Evidence> evidence = new ArrayList<>(entry.getValue().values());
            long trips = evidence.stream().filter(e -> e.type() == RelationType.CO_TRAVEL).count();
            if (trips > 0 && trips < settings.minSharedTrips()) {
                evidence.removeIf(e -> e.type() == RelationType.CO_TRAVEL);
            }
            if (evidence.isEmpty()) continue;
            evidence.sort(Comparator.comparingDouble(Evidence::strength).reversed()
                    .thenComparing(e -> e.type().name()).thenComparing(Evidence::detail));
            out.add(new Relation(self, entry.getLongKey(), strength(evidence), evidence));
        }
        out.sort(Comparator.comparingDouble(Relation::strength).reversed().thenComparingLong(Relation::to));
        return out;
    }

    /** Independent signals: 1 - the product of (1 - each). */
    static double strength(List<Evidence> evidence) {
        double none = 1;
        for (Evidence e : evidence) none *= 1 - Math.min(1, e.strength());
        return 1 - none;
    }
}

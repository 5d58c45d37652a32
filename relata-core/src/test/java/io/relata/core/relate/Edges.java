package io.relata.core.relate;

import static io.relata.core.relate.RelateRecords.person;

import io.relata.core.model.RecordKey;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a graph of entities, one real record each, joined by disclosed links whose types W1 ... W9 are
 * worth 0.1 ... 0.9 under {@link #SETTINGS}: so a test can draw a graph with exact relation strengths.
 * The lower entity of each edge discloses the higher one.
 */
final class Edges {
    static final RelateSettings SETTINGS;

    static {
        RelateSettings d = RelateSettings.defaults();
        Map<String, Double> w = new HashMap<>();
        for (int i = 1; i <= 9; i++) w.put("W" + i, i / 10.0);
        SETTINGS = new RelateSettings(d.weight(), d.genericAbove(), w, 0.5, 2);
    }

    private final TreeMap<Long, RelateRecords.Builder> records = new TreeMap<>();

    static RecordKey recordOf(long entity) {
        return new RecordKey("S", "e" + entity);
    }

    private RelateRecords.Builder record(long entity) {
        return records.computeIfAbsent(entity, e -> person("S", "e" + e).name("Given" + e, "Family" + e));
    }

    /** An entity without relations (yet). */
    Edges node(long entity) {
        record(entity);
        return this;
    }

    /** A relation of strength {@code tenths} / 10 between two entities. */
    Edges edge(long a, long b, int tenths) {
        if (tenths < 1 || tenths > 9 || a == b) throw new IllegalArgumentException();
        record(Math.max(a, b));
        record(Math.min(a, b)).discloses("W" + tenths, recordOf(Math.max(a, b)), null);
        return this;
    }

    RelationGraph build() {
        RelationGraph g = new RelationGraph(SETTINGS);
        records.forEach((entity, b) -> b.in(g, entity));
        return g;
    }
}

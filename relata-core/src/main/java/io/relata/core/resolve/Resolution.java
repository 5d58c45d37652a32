package io.relata.core.resolve;

import io.relata.core.model.RecordKey;
import io.relata.core.standardize.RecordFeatures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The result of resolving a batch of records: which records form each entity, the pairs left for human
 * review, and the analyst's questions about it: {@link #why} two records are or are not one entity, and
 * {@link #how} an entity was built.
 */
public final class Resolution {
    private final RecordFeatures[] records;
    private final int[] entityOf;
    private final List<Link> links;
    private final long[] possibleMatches;
    private final long[] candidatePairs;
    private final PairScorer scorer;
    private final ResolutionStats stats;
    private Map<RecordKey, Integer> indexByKey;

    Resolution(RecordFeatures[] records, int[] entityOf, List<Link> links, long[] possibleMatches,
               long[] candidatePairs, PairScorer scorer, ResolutionStats stats) {
        this.records = records;
        this.entityOf = entityOf;
        this.links = links;
        this.possibleMatches = possibleMatches;
        this.candidatePairs = candidatePairs;
        this.scorer = scorer;
        this.stats = stats;
    }

    public ResolutionStats stats() {
        return stats;
    }

    /** The model the batch was scored with, after fitting to the data. */
    public MatchModel model() {
        return scorer.model();
    }

    public int size() {
        return records.length;
    }

    public RecordKey key(int record) {
        return records[record].key();
    }

    public RecordFeatures features(int record) {
        return records[record];
    }

    /** Entity label of each record (a record index); read-only. */
    public int[] entityOf() {
        return entityOf;
    }

    /** Every entity as the list of its record indices, larger entities first. */
    public List<int[]> entities() {
        Map<Integer, List<Integer>> members = new HashMap<>();
        for (int i = 0; i < entityOf.length; i++) members.computeIfAbsent(entityOf[i], k -> new ArrayList<>()).add(i);
        List<int[]> result = new ArrayList<>(members.size());
        for (List<Integer> m : members.values()) result.add(m.stream().mapToInt(Integer::intValue).toArray());
        result.sort(Comparator.<int[]>comparingInt(a -> -a.length).thenComparingInt(a -> a[0]));
        return result;
    }

    /** Pairs scored in the review band: possible matches for a human to decide, packed as record indices. */
    public long[] possibleMatches() {
        return possibleMatches;
    }

    /** Every pair blocking proposed, packed as record indices, sorted; read-only. */
    public long[] candidatePairs() {
        return candidatePairs;
    }

    public int indexOf(RecordKey key) {
        if (indexByKey == null) {
            Map<RecordKey, Integer> map = new HashMap<>(records.length * 2);
            for (int i = 0; i < records.length; i++) map.put(records[i].key(), i);
            indexByKey = map;
        }
        Integer i = indexByKey.get(key);
        if (i == null) throw new NoSuchElementException("no record " + key + " in this resolution");
        return i;
    }

    public Explanation why(RecordKey a, RecordKey b) {
        return why(indexOf(a), indexOf(b));
    }

    public Explanation why(int a, int b) {
        Comparison c = new Comparison();
        scorer.score(records[a], records[b], c);
        return Explanation.of(records[a].key(), records[b].key(), c, scorer, entityOf[a] == entityOf[b]);
    }

    public EntityExplanation how(RecordKey member) {
        int entity = entityOf[indexOf(member)];
        List<RecordKey> keys = new ArrayList<>();
        for (int i = 0; i < entityOf.length; i++) {
            if (entityOf[i] == entity) keys.add(records[i].key());
        }
        List<EntityExplanation.Step> steps = new ArrayList<>();
        for (Link l : links) {
            if (entityOf[l.first()] == entity) {
                // match keys are worked out on request: the clusterer keeps only the pairs and weights
                steps.add(new EntityExplanation.Step(records[l.first()].key(), records[l.second()].key(),
                        l.weight(), why(l.first(), l.second()).matchKey()));
            }
        }
        return new EntityExplanation(keys, steps);
    }
}

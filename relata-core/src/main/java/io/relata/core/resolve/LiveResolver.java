package io.relata.core.resolve;

import io.relata.core.model.RecordKey;
import io.relata.core.resolve.live.Assignment;
import io.relata.core.resolve.live.ChangeSet;
import io.relata.core.resolve.live.EntityChange;
import io.relata.core.resolve.live.MatchDecision;
import io.relata.core.resolve.live.ReviewPair;
import io.relata.core.resolve.live.SearchHit;
import io.relata.core.standardize.RecordFeatures;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongLinkedOpenHashSet;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Resolves records one at a time against everything resolved before: the engine of a living store. A
 * record that arrives, changes or is withdrawn is compared with the records that share a blocking key with
 * it; then its neighbourhood (the record and every entity it matches) is clustered afresh exactly as a
 * batch would cluster it. So a record that bridges two entities merges them, an entity that no longer holds
 * together after a change or withdrawal splits, and the result does not depend on the order records came in.
 * Every operation returns a {@link ChangeSet} for the store to keep. Entity ids are stable: an entity keeps
 * its id as records join it, the entity with most records survives a merge (the older one on a tie), and
 * after a split the larger part keeps the id. Analysts' rulings (must-link, cannot-link) override the model.
 * State lives in memory: the store restores it with {@link #restore} and {@link #restoreDecision}.
 */
public final class LiveResolver {
    /** A search scans at most this many index entries, so that a query on a very common name stays fast. */
    private static final int MAX_SEARCH_SCAN = 20_000;
    /** The match key of a link an analyst's ruling made. */
    public static final String RULING_KEY = "+ANALYST_RULING";

    private final int maxBlockSize;
    private final MatchModel model;
    private final ValueFrequencies frequencies = new ValueFrequencies(1 << 16);
    private PairScorer scorer;
    private long scorerRecords = -1;

    private final Object2IntOpenHashMap<RecordKey> slotOf = new Object2IntOpenHashMap<>();
    private RecordFeatures[] features = new RecordFeatures[1024];
    private long[] entityOf = new long[1024];
    private int[] seen = new int[1024];
    private int slots, stamp, liveRecords;
    private final Long2ObjectOpenHashMap<IntArrayList> members = new Long2ObjectOpenHashMap<>();
    private long lastEntityId;

    /** The blocking index: for each key, a linked list of postings (record slots), newest first. */
    private final Long2IntOpenHashMap lastPosting = new Long2IntOpenHashMap();
    private final Long2IntOpenHashMap blockSize = new Long2IntOpenHashMap();
    private int[] postingSlot = new int[4096], postingNext = new int[4096];
    private int postings;

    private final Map<RecordKey, List<MatchDecision>> rulings = new HashMap<>();

    public LiveResolver(MatchModel model, int maxBlockSize) {
        if (maxBlockSize < 2) throw new IllegalArgumentException("maxBlockSize must be at least 2");
        this.model = model;
        this.maxBlockSize = maxBlockSize;
        slotOf.defaultReturnValue(-1);
        lastPosting.defaultReturnValue(-1);
    }

    public MatchModel model() {
        return model;
    }

    // ---- restoring persisted state --------------------------------------------------------------------

    /** Puts back a record with the entity the store holds for it, without resolving it again. */
    public synchronized void restore(RecordFeatures f, long entityId) {
        if (entityId <= 0) throw new IllegalArgumentException("a stored record needs an entity, got " + entityId);
        int slot = slotFor(f.key());
        if (features[slot] != null) throw new IllegalStateException("record " + f.key() + " restored twice");
        place(slot, f);
        entityOf[slot] = entityId;
        members.computeIfAbsent(entityId, k -> new IntArrayList(2)).add(slot);
        lastEntityId = Math.max(lastEntityId, entityId);
    }

    public synchronized void restoreDecision(MatchDecision d) {
        putRuling(d);
    }

    /** Never hands out an id at or below {@code id}: retired entities keep theirs for history. */
    public synchronized void reserveEntityIds(long id) {
        lastEntityId = Math.max(lastEntityId, id);
    }

    // ---- changes ---------------------------------------------------------------------------------------

    /** Resolves a new or changed record (the same source and id replaces the earlier version). */
    public synchronized ChangeSet upsert(RecordFeatures f) {
        int slot = slotFor(f.key());
        if (features[slot] != null) unplace(slot);
        place(slot, f);
        refreshScorer();

        Comparison c = new Comparison();
        List<ScoredPair> pairs = new ArrayList<>();
        LongLinkedOpenHashSet affected = new LongLinkedOpenHashSet();
        if (entityOf[slot] != 0) affected.add(entityOf[slot]);
        for (int other : candidates(f, slot, false)) {
            double weight = scorer.score(f, features[other], c);
            Outcome outcome = scorer.outcome(c);
            if (outcome == Outcome.MATCH) affected.add(entityOf[other]);
            if (outcome == Outcome.MATCH || outcome == Outcome.POSSIBLE_MATCH) {
                pairs.add(new ScoredPair(other, weight, c.matchKey()));
            }
        }
        for (MatchDecision d : rulings.getOrDefault(f.key(), List.of())) {
            int partner = slotOf.getInt(d.first().equals(f.key()) ? d.second() : d.first());
            if (d.same() && partner >= 0 && features[partner] != null) affected.add(entityOf[partner]);
        }
        return recluster(neighbourhood(slot, affected), f.key(), slot, pairs);
    }

    /** Withdraws a record; its entity is re-formed from the records left, and splits if they fall apart. */
    public synchronized ChangeSet withdraw(RecordKey key) {
        int slot = slotOf.getInt(key);
        if (slot < 0 || features[slot] == null) throw new NoSuchElementException("no record " + key);
        long entity = entityOf[slot];
        unplace(slot);
        features[slot] = null;
        entityOf[slot] = 0;
        IntArrayList rest = members.get(entity);
        rest.rem(slot);
        ChangeBuilder out = new ChangeBuilder();
        out.assignments.add(new Assignment(key, 0, entity));
        out.changes.add(new EntityChange(entity, EntityChange.Kind.RECORD_REMOVED, key, 0, ""));
        if (rest.isEmpty()) {
            members.remove(entity);
            out.changes.add(new EntityChange(entity, EntityChange.Kind.RETIRED, key, 0, ""));
            out.sizes.put(entity, 0);
            return out.build();
        }
        out.sizes.put(entity, rest.size());
        refreshScorer();
        return out.add(recluster(rest.toIntArray(), key, -1, List.of())).build();
    }

    /**
     * Forgets a withdrawn record for good (retention): its key and every ruling that names it leave memory. Its
     * slot stays empty (postings that still point at it are skipped like those of any withdrawn record), so
     * nothing is renumbered; if the key ever comes back it is a new record.
     */
    public synchronized void forget(RecordKey key) {
        int slot = slotOf.getInt(key);
        if (slot >= 0 && features[slot] != null) throw new IllegalStateException("withdraw record " + key + " before forgetting it");
        slotOf.removeInt(key);
        List<MatchDecision> named = rulings.remove(key);
        if (named == null) return;
        for (MatchDecision d : named) {
            RecordKey other = d.first().equals(key) ? d.second() : d.first();
            List<MatchDecision> theirs = rulings.get(other);
            if (theirs == null) continue;
            theirs.remove(d);
            if (theirs.isEmpty()) rulings.remove(other);
        }
    }

    /** Records an analyst's ruling and re-forms the entities of its two records to obey it. */
    public synchronized ChangeSet decide(MatchDecision d) {
        putRuling(d);
        int a = slotOf.getInt(d.first()), b = slotOf.getInt(d.second());
        if (a < 0 || b < 0 || features[a] == null || features[b] == null) return ChangeSet.NONE;
        refreshScorer();
        LongLinkedOpenHashSet affected = new LongLinkedOpenHashSet();
        affected.add(entityOf[a]);
        affected.add(entityOf[b]);
        return recluster(neighbourhood(-1, affected), d.first(), -1, List.of());
    }

    // ---- queries ---------------------------------------------------------------------------------------

    public synchronized boolean contains(RecordKey key) {
        int slot = slotOf.getInt(key);
        return slot >= 0 && features[slot] != null;
    }

    /** The entity of a record, or 0 when the record is unknown or withdrawn. */
    public synchronized long entityOf(RecordKey key) {
        int slot = slotOf.getInt(key);
        return slot < 0 ? 0 : entityOf[slot];
    }

    /** The records of an entity, sorted; empty when the entity is unknown or retired. */
    public synchronized List<RecordKey> members(long entityId) {
        IntArrayList m = members.get(entityId);
        if (m == null) return List.of();
        List<RecordKey> keys = new ArrayList<>(m.size());
        for (int i = 0; i < m.size(); i++) keys.add(features[m.getInt(i)].key());
        keys.sort(null);
        return keys;
    }

    public synchronized RecordFeatures features(RecordKey key) {
        int slot = slotOf.getInt(key);
        if (slot < 0 || features[slot] == null) throw new NoSuchElementException("no record " + key);
        return features[slot];
    }

    public synchronized int recordCount() {
        return liveRecords;
    }

    public synchronized int entityCount() {
        return members.size();
    }

    /** Why two stored records are, or are not, one entity. */
    public synchronized Explanation why(RecordKey a, RecordKey b) {
        RecordFeatures fa = features(a), fb = features(b);
        refreshScorer();
        Comparison c = new Comparison();
        scorer.score(fa, fb, c);
        return Explanation.of(a, b, c, scorer, entityOf(a) == entityOf(b));
    }

    /**
     * Why a description (standardized like a record, as a search's) does or does not fit a stored record: each
     * feature's level and weight, the total, the outcome and the match key. {@code sameEntity} is false: a
     * description is no member of any entity.
     */
    public synchronized Explanation explain(RecordFeatures query, RecordKey record) {
        RecordFeatures stored = features(record);
        refreshScorer();
        Comparison c = new Comparison();
        scorer.score(query, stored, c);
        return Explanation.of(query.key(), record, c, scorer, false);
    }

    /**
     * How an entity was built: its records (sorted) and the links that hold them together, as clustering its
     * records afresh accepts them: analysts' must-link rulings first (infinite weight, match key
     * {@value #RULING_KEY}), then scored pairs strongest first, each with its match key. Empty when the entity is
     * unknown or retired. The live counterpart of {@link Resolution#how}.
     */
    public synchronized EntityExplanation how(long entityId) {
        IntArrayList m = members.get(entityId);
        if (m == null || m.isEmpty()) return new EntityExplanation(List.of(), List.of());
        int[] s = m.toIntArray();
        RecordFeatures[] local = new RecordFeatures[s.length];
        for (int i = 0; i < s.length; i++) local[i] = features[s[i]];
        refreshScorer();
        Clustering clustering = cluster(s, local);
        List<EntityExplanation.Step> steps = new ArrayList<>(clustering.links().size());
        Comparison c = new Comparison();
        for (Link l : clustering.links()) {
            RecordKey a = local[l.first()].key(), b = local[l.second()].key();
            if (l.weight() == Double.POSITIVE_INFINITY) {
                steps.add(new EntityExplanation.Step(a, b, Double.POSITIVE_INFINITY, RULING_KEY));
            } else {
                double weight = scorer.score(local[l.first()], local[l.second()], c);
                steps.add(new EntityExplanation.Step(a, b, weight, c.matchKey()));
            }
        }
        return new EntityExplanation(members(entityId), steps);
    }

    /**
     * Finds the entities that best fit a description (standardized like any record: fuzzy names, swapped
     * dates and reformatted phones still find their match), best first, one hit per entity, at most
     * {@code limit}. Hits are ranked by the model's log2 odds; a weak hit is returned too, for a person to
     * judge, but never called a match unless the model says so.
     */
    public synchronized List<SearchHit> search(RecordFeatures query, int limit) {
        refreshScorer();
        Comparison c = new Comparison();
        Map<Long, SearchHit> best = new HashMap<>();
        for (int slot : candidates(query, -1, true)) {
            double weight = scorer.score(query, features[slot], c);
            long entity = entityOf[slot];
            SearchHit hit = best.get(entity);
            if (hit == null || weight > hit.weight()) {
                best.put(entity, new SearchHit(entity, features[slot].key(), weight, c.probability(),
                        scorer.outcome(c) == Outcome.MATCH, c.matchKey()));
            }
        }
        return best.values().stream()
                .sorted(Comparator.comparingDouble(SearchHit::weight).reversed()
                        .thenComparingLong(SearchHit::entityId))
                .limit(limit).toList();
    }

    /** Every live record the model would call a match or a possible match for a description: see the other scan. */
    public List<SearchHit> scan(RecordFeatures query) {
        return scan(query, Double.POSITIVE_INFINITY);
    }

    /**
     * Every live record the model would call a match or a possible match for a description, or that fits it with
     * more than {@code minWeight} (log2 odds, as a search hit's weight) despite a conflict, found by comparing it
     * with every record (no blocking), one hit per record, best first. A scan costs a comparison per record: it is
     * for the rare search that must not miss a record whose fitting details share no blocking key with the
     * description (a nickname and only part of a surname, with no birth date), such as an individual's request for
     * their own records.
     */
    public synchronized List<SearchHit> scan(RecordFeatures query, double minWeight) {
        refreshScorer();
        Comparison c = new Comparison();
        List<SearchHit> hits = new ArrayList<>();
        for (int slot = 0; slot < slots; slot++) {
            if (features[slot] == null) continue;
            double weight = scorer.score(query, features[slot], c);
            Outcome outcome = scorer.outcome(c);
            if (outcome == Outcome.MATCH || outcome == Outcome.POSSIBLE_MATCH || weight > minWeight) {
                hits.add(new SearchHit(entityOf[slot], features[slot].key(), weight, c.probability(),
                        outcome == Outcome.MATCH, c.matchKey()));
            }
        }
        hits.sort(Comparator.comparingDouble(SearchHit::weight).reversed().thenComparing(SearchHit::record));
        return hits;
    }

    // ---- the neighbourhood clustering ------------------------------------------------------------------

    private record ScoredPair(int other, double weight, String matchKey) {}

    private int[] neighbourhood(int slot, LongLinkedOpenHashSet entities) {
        IntArrayList s = new IntArrayList();
        if (slot >= 0) s.add(slot);
        for (long e : entities) {
            IntArrayList m = members.get(e);
            if (m == null) continue;
            for (int i = 0; i < m.size(); i++) {
                if (m.getInt(i) != slot) s.add(m.getInt(i));
            }
        }
        return s.toIntArray();
    }

    /**
     * Clusters the records of {@code s} afresh and turns the difference from their current entities into a
     * change set. {@code trigger} is the record (or ruling) that caused it; {@code triggerSlot} its slot
     * when it is one of s, and {@code triggerPairs} its scored matches and possible matches.
     */
    private ChangeSet recluster(int[] s, RecordKey trigger, int triggerSlot, List<ScoredPair> triggerPairs) {
        int n = s.length;
        RecordFeatures[] local = new RecordFeatures[n];
        for (int i = 0; i < n; i++) local[i] = features[s[i]];
        Clustering clustering = cluster(s, local);
        int[][] clusters = clusters(clustering.entityOf(), local);

        // ids: each cluster, largest first, keeps the id most of its records had (the older one on a tie)
        long[] newId = new long[n];
        LongLinkedOpenHashSet taken = new LongLinkedOpenHashSet();
        for (int[] cluster : clusters) {
            long id = survivor(s, cluster, taken);
            if (id == 0) id = ++lastEntityId;
            taken.add(id);
            for (int i : cluster) newId[i] = id;
        }

        ChangeBuilder out = new ChangeBuilder();
        long[] oldId = new long[n];
        LongLinkedOpenHashSet oldIds = new LongLinkedOpenHashSet();
        for (int i = 0; i < n; i++) {
            long old = oldId[i] = entityOf[s[i]];
            if (old != 0) oldIds.add(old);
            if (old == newId[i]) continue;
            out.assignments.add(new Assignment(local[i].key(), newId[i], old));
            if (old != 0) members.get(old).rem(s[i]);
            members.computeIfAbsent(newId[i], k -> new IntArrayList(2)).add(s[i]);
            entityOf[s[i]] = newId[i];
        }
        Neighbourhood hood = new Neighbourhood(s, local, oldId, clustering);
        for (int[] cluster : clusters) describe(cluster, newId[cluster[0]], oldIds, hood, trigger, triggerSlot, out);
        for (long old : oldIds) {
            IntArrayList m = members.get(old);
            if (m != null && m.isEmpty()) {
                members.remove(old);
                boolean absorbed = out.changes.stream()
                        .anyMatch(ch -> ch.entityId() == old && ch.kind() == EntityChange.Kind.MERGED_INTO);
                if (!absorbed) out.changes.add(new EntityChange(old, EntityChange.Kind.RETIRED, trigger, 0, ""));
            }
            out.sizes.put(old, m == null ? 0 : m.size());
        }
        for (long id : taken) out.sizes.put(id, members.get(id).size());

        if (triggerSlot >= 0) {
            Comparison c = new Comparison();
            for (ScoredPair p : triggerPairs) {
                if (entityOf[p.other()] != entityOf[triggerSlot] && features[p.other()] != null
                        && !ruled(trigger, features[p.other()].key())) {
                    out.reviews.add(new ReviewPair(trigger, features[p.other()].key(), p.weight(), p.matchKey()));
                }
            }
        }
        return out.build();
    }

    private Clustering cluster(int[] s, RecordFeatures[] local) {
        int n = s.length;
        if (n == 1) return new Clustering(new int[] {0}, List.of(), 0, 0);
        long[] pairs = new CandidateGenerator(maxBlockSize).generate(local).pairs();
        Comparison c = new Comparison();
        LongArrayList matches = new LongArrayList();
        it.unimi.dsi.fastutil.floats.FloatArrayList weights = new it.unimi.dsi.fastutil.floats.FloatArrayList();
        for (long pair : pairs) {
            double w = scorer.score(local[CandidatePairs.first(pair)], local[CandidatePairs.second(pair)], c);
            if (scorer.outcome(c) == Outcome.MATCH) {
                matches.add(pair);
                weights.add((float) w);
            }
        }
        LongArrayList must = new LongArrayList(), cannot = new LongArrayList();
        if (!rulings.isEmpty()) {
            Object2IntOpenHashMap<RecordKey> localIndex = new Object2IntOpenHashMap<>(n);
            localIndex.defaultReturnValue(-1);
            for (int i = 0; i < n; i++) localIndex.put(local[i].key(), i);
            for (int i = 0; i < n; i++) {
                for (MatchDecision d : rulings.getOrDefault(local[i].key(), List.of())) {
                    int a = localIndex.getInt(d.first()), b = localIndex.getInt(d.second());
                    if (a < 0 || b < 0 || a != i) continue; // each ruling once, from its first record
                    (d.same() ? must : cannot).add(CandidatePairs.pack(a, b));
                }
            }
        }
        return new EntityClusterer(scorer).cluster(local, matches.toLongArray(), weights.toFloatArray(),
                must.toLongArray(), cannot.toLongArray());
    }

    /** The clusters as arrays of local indices, largest first, then by their smallest record key. */
    private static int[][] clusters(int[] label, RecordFeatures[] local) {
        Map<Integer, IntArrayList> byLabel = new HashMap<>();
        for (int i = 0; i < label.length; i++) byLabel.computeIfAbsent(label[i], k -> new IntArrayList()).add(i);
        int[][] result = new int[byLabel.size()][];
        int k = 0;
        for (IntArrayList m : byLabel.values()) result[k++] = m.toIntArray();
        Comparator<int[]> order = Comparator.<int[]>comparingInt(a -> -a.length)
                .thenComparing(a -> Arrays.stream(a).mapToObj(i -> local[i].key()).min(Comparator.naturalOrder()).orElseThrow());
        Arrays.sort(result, order);
        return result;
    }

    /** The id most records of the cluster had, not yet taken by a larger cluster; the smaller on a tie. */
    private long survivor(int[] s, int[] cluster, LongLinkedOpenHashSet taken) {
        Map<Long, Integer> votes = new HashMap<>();
        for (int i : cluster) {
            long old = entityOf[s[i]];
            if (old != 0 && !taken.contains(old)) votes.merge(old, 1, Integer::sum);
        }
        long best = 0;
        int bestVotes = 0;
        for (Map.Entry<Long, Integer> v : votes.entrySet()) {
            if (v.getValue() > bestVotes || (v.getValue() == bestVotes && v.getKey() < best)) {
                best = v.getKey();
                bestVotes = v.getValue();
            }
        }
        return best;
    }

    /** The records clustered afresh, with the entity each had before, and the links that joined them. */
    private record Neighbourhood(int[] slots, RecordFeatures[] local, long[] oldId, Clustering clustering) {}

    /** The history steps of one cluster: created, merged, split off, record added or moved. */
    private void describe(int[] cluster, long id, LongLinkedOpenHashSet oldIds, Neighbourhood hood,
                          RecordKey trigger, int triggerSlot, ChangeBuilder out) {
        boolean created = !oldIds.contains(id);
        if (created) {
            out.changes.add(new EntityChange(id, EntityChange.Kind.CREATED, trigger, 0,
                    strongestKey(hood, cluster, l -> true)));
        }
        LongLinkedOpenHashSet cameFrom = new LongLinkedOpenHashSet();
        int triggerLocal = -1;
        for (int i : cluster) {
            if (hood.slots()[i] == triggerSlot) triggerLocal = i;
            else if (hood.oldId()[i] != 0 && hood.oldId()[i] != id) cameFrom.add(hood.oldId()[i]);
        }
        for (long from : cameFrom) {
            IntArrayList left = members.get(from);
            if (left != null && !left.isEmpty()) {
                out.changes.add(new EntityChange(from, EntityChange.Kind.SPLIT, trigger, id, ""));
            } else {
                long[] oldId = hood.oldId();
                String key = strongestKey(hood, cluster, l -> (oldId[l.first()] == from) != (oldId[l.second()] == from));
                out.changes.add(new EntityChange(id, EntityChange.Kind.MERGED, trigger, from, key));
                out.changes.add(new EntityChange(from, EntityChange.Kind.MERGED_INTO, trigger, id, key));
            }
        }
        if (triggerLocal >= 0 && hood.oldId()[triggerLocal] != id) {
            int t = triggerLocal;
            if (!created) {
                out.changes.add(new EntityChange(id, EntityChange.Kind.RECORD_ADDED, trigger, 0,
                        strongestKey(hood, cluster, l -> l.first() == t || l.second() == t)));
            }
            long previous = hood.oldId()[triggerLocal];
            if (previous != 0) {
                out.changes.add(new EntityChange(previous, EntityChange.Kind.RECORD_REMOVED, trigger, id, ""));
            }
        }
    }

    /** The match key of the strongest link in the cluster that passes the filter; empty when none does. */
    private String strongestKey(Neighbourhood hood, int[] cluster, java.util.function.Predicate<Link> filter) {
        int[] label = hood.clustering().entityOf();
        int cl = label[cluster[0]];
        for (Link l : hood.clustering().links()) { // accepted strongest first
            if (label[l.first()] != cl || !filter.test(l)) continue;
            if (l.weight() == Double.POSITIVE_INFINITY) return RULING_KEY;
            Comparison c = new Comparison();
            scorer.score(hood.local()[l.first()], hood.local()[l.second()], c);
            return c.matchKey();
        }
        return "";
    }

    // ---- records and the blocking index ----------------------------------------------------------------

    private int slotFor(RecordKey key) {
        int slot = slotOf.getInt(key);
        if (slot >= 0) return slot;
        if (slots == features.length) {
            int size = slots * 2;
            features = Arrays.copyOf(features, size);
            entityOf = Arrays.copyOf(entityOf, size);
            seen = Arrays.copyOf(seen, size);
        }
        slotOf.put(key, slots);
        return slots++;
    }

    /** Makes f the record of the slot: its values counted, its keys indexed. */
    private void place(int slot, RecordFeatures f) {
        features[slot] = f;
        frequencies.add(f, 1);
        liveRecords++;
        for (long key : keys(f)) {
            blockSize.addTo(key, 1);
            if (postings == postingSlot.length) {
                postingSlot = Arrays.copyOf(postingSlot, postings * 2);
                postingNext = Arrays.copyOf(postingNext, postings * 2);
            }
            postingSlot[postings] = slot;
            postingNext[postings] = lastPosting.get(key);
            lastPosting.put(key, postings++);
        }
    }

    /**
     * Takes the slot's record out of the counts. Its postings stay (a lookup skips them or finds the record's
     * new version, which is harmless): unlinking would cost a walk of every list.
     */
    private void unplace(int slot) {
        RecordFeatures f = features[slot];
        frequencies.add(f, -1);
        liveRecords--;
        for (long key : keys(f)) {
            if (blockSize.addTo(key, -1) == 1) blockSize.remove(key);
        }
    }

    /** The record's distinct blocking keys, each as its hash with the kind in the low bits. */
    private static long[] keys(RecordFeatures f) {
        LongArrayList keys = new LongArrayList(16);
        BlockingKeys.keys(f, (kind, hash) -> keys.add((hash & ~0x1FL) | kind));
        long[] k = keys.toLongArray();
        Arrays.sort(k);
        int n = 0;
        for (int i = 0; i < k.length; i++) {
            if (i == 0 || k[i] != k[i - 1]) k[n++] = k[i];
        }
        return Arrays.copyOf(k, n);
    }

    /**
     * The live records that share a key with f, each once. Resolution skips generic keys (shared by more
     * than the block limit, as in a batch); a search scans them up to a bound.
     */
    private int[] candidates(RecordFeatures f, int self, boolean search) {
        if (++stamp == 0) {
            Arrays.fill(seen, 0);
            stamp = 1;
        }
        IntArrayList found = new IntArrayList();
        int scanned = 0;
        for (long key : keys(f)) {
            int kind = (int) (key & 0x1F);
            int limit = BlockingKeys.isNameOnly(kind) ? maxBlockSize / CandidateGenerator.NAME_ONLY_DIVISOR : maxBlockSize;
            if (!search && blockSize.get(key) > limit) continue;
            for (int p = lastPosting.get(key); p >= 0; p = postingNext[p]) {
                if (search && ++scanned > MAX_SEARCH_SCAN) return found.toIntArray();
                int slot = postingSlot[p];
                if (slot == self || seen[slot] == stamp || features[slot] == null) continue;
                seen[slot] = stamp;
                found.add(slot);
            }
        }
        return found.toIntArray();
    }

    /** Rebuilds the scorer when the population has grown or shrunk enough to move the prior. */
    private void refreshScorer() {
        long n = frequencies.records();
        if (scorer == null || Math.abs(n - scorerRecords) > Math.max(0, scorerRecords / 100)) {
            scorer = new PairScorer(model, frequencies);
            scorerRecords = n;
        }
    }

    private void putRuling(MatchDecision d) {
        for (RecordKey k : List.of(d.first(), d.second())) {
            List<MatchDecision> list = rulings.computeIfAbsent(k, x -> new ArrayList<>(1));
            list.removeIf(old -> old.first().equals(d.first()) && old.second().equals(d.second()));
            list.add(d);
        }
    }

    private boolean ruled(RecordKey a, RecordKey b) {
        for (MatchDecision d : rulings.getOrDefault(a, List.of())) {
            if (d.first().equals(b) || d.second().equals(b)) return true;
        }
        return false;
    }

    /** Collects one operation's changes. */
    private static final class ChangeBuilder {
        final List<Assignment> assignments = new ArrayList<>();
        final List<EntityChange> changes = new ArrayList<>();
        final List<ReviewPair> reviews = new ArrayList<>();
        final Map<Long, Integer> sizes = new java.util.LinkedHashMap<>();

        ChangeBuilder add(ChangeSet more) {
            assignments.addAll(more.assignments());
            changes.addAll(more.changes());
            reviews.addAll(more.reviews());
            sizes.putAll(more.entitySizes());
            return this;
        }

        ChangeSet build() {
            return new ChangeSet(assignments, changes, reviews, sizes);
        }
    }
}

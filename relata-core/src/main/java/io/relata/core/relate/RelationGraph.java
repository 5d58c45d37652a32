package io.relata.core.relate;

import io.relata.core.model.RecordKey;
import io.relata.core.resolve.live.Assignment;
import io.relata.core.resolve.live.ChangeSet;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import it.unimi.dsi.fastutil.longs.LongSet;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The possible connections between entities, kept up to date as records arrive, change, move between
 * entities or are withdrawn. It indexes which records hold each value (address, phone, e-mail, identifier,
 * trip) and which records disclose a link to which; the relations of an entity are worked out from those
 * postings when asked, so specificity (how many entities share a value) is always current and a merge, split
 * or withdrawal costs only the index updates of the records it moves: nothing is ever recomputed wholesale.
 * Like the resolver it lives in memory and is rebuilt from the store.
 */
public final class RelationGraph {
    private final RelateSettings settings;

    private final Object2IntOpenHashMap<RecordKey> slotOf = new Object2IntOpenHashMap<>();
    private RecordLinks[] links = new RecordLinks[1024];
    private int[][] valueIds = new int[1024][];
    private long[] entityOf = new long[1024];
    private int slots;
    private final IntArrayList freeSlots = new IntArrayList();
    private final Long2ObjectOpenHashMap<IntArrayList> recordsOf = new Long2ObjectOpenHashMap<>();

    private final Object2IntOpenHashMap<String> valueIdOf = new Object2IntOpenHashMap<>();
    private final List<String> valueKeys = new ArrayList<>(), valueDisplays = new ArrayList<>();
    private final List<IntArrayList> postings = new ArrayList<>();
    /** For each disclosed target record, the slots of the records that disclose it (targets may come later). */
    private final Map<RecordKey, IntArrayList> disclosedTo = new HashMap<>();
    /** Pairs of records scored just under the match threshold, with the model's probability. */
    private final Map<RecordKey, Map<RecordKey, Double>> possiblySame = new HashMap<>();

    public RelationGraph(RelateSettings settings) {
        this.settings = settings;
        slotOf.defaultReturnValue(-1);
        valueIdOf.defaultReturnValue(-1);
    }

    public RelateSettings settings() {
        return settings;
    }

    // ---- upkeep ---------------------------------------------------------------------------------------

    /** Adds a record to entity {@code entityId}, or replaces its earlier version. */
    public synchronized void put(RecordLinks record, long entityId) {
        if (entityId <= 0) throw new IllegalArgumentException("a record in the graph needs an entity");
        remove(record.key());
        int slot = freeSlots.isEmpty() ? slots++ : freeSlots.popInt();
        grow(slot + 1);
        slotOf.put(record.key(), slot);
        links[slot] = record;
        int[] ids = new int[record.values().length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = valueId(record.values()[i], record.displays()[i]);
            postings.get(ids[i]).add(slot);
        }
        valueIds[slot] = ids;
        for (RecordLinks.Disclosed d : record.disclosed()) {
            disclosedTo.computeIfAbsent(d.target(), k -> new IntArrayList(2)).add(slot);
        }
        entityOf[slot] = entityId;
        recordsOf.computeIfAbsent(entityId, k -> new IntArrayList(2)).add(slot);
    }

    /** Takes a withdrawn record out of the graph; nothing happens if it is not there. */
    public synchronized void remove(RecordKey key) {
        int slot = slotOf.removeInt(key);
        if (slot < 0) return;
        for (int id : valueIds[slot]) postings.get(id).rem(slot);
        for (RecordLinks.Disclosed d : links[slot].disclosed()) {
            IntArrayList from = disclosedTo.get(d.target());
            from.rem(slot);
            if (from.isEmpty()) disclosedTo.remove(d.target());
        }
        leave(slot);
        links[slot] = null;
        valueIds[slot] = null;
        freeSlots.add(slot);
    }

    /**
     * Forgets a record for good (retention): it leaves the graph, and so do the possible matches that name it.
     * What other records disclose about it stays: that is their sources' data.
     */
    public synchronized void forget(RecordKey key) {
        remove(key);
        Map<RecordKey, Double> pairs = possiblySame.remove(key);
        if (pairs == null) return;
        for (RecordKey other : pairs.keySet()) {
            Map<RecordKey, Double> theirs = possiblySame.get(other);
            if (theirs == null) continue;
            theirs.remove(key);
            if (theirs.isEmpty()) possiblySame.remove(other);
        }
    }

    /** Moves a record to another entity (after a merge or split). */
    public synchronized void assign(RecordKey key, long entityId) {
        int slot = slotOf.getInt(key);
        if (slot < 0 || entityOf[slot] == entityId) return;
        leave(slot);
        entityOf[slot] = entityId;
        recordsOf.computeIfAbsent(entityId, k -> new IntArrayList(2)).add(slot);
    }

    /**
     * Follows what the resolver did: records that moved change entity, withdrawn ones leave, and new possible
     * matches become POSSIBLY_SAME evidence. New and changed records must be {@link #put} by the caller, who
     * holds their raw form.
     */
    public synchronized void apply(ChangeSet changes) {
        for (Assignment a : changes.assignments()) {
            if (a.entityId() == 0) remove(a.record());
            else assign(a.record(), a.entityId());
        }
        for (var r : changes.reviews()) possiblySame(r.first(), r.second(), probability(r.weight()));
    }

    /** Two records that may be one person (a review item); {@code probability} from the match model. */
    public synchronized void possiblySame(RecordKey a, RecordKey b, double probability) {
        possiblySame.computeIfAbsent(a, k -> new HashMap<>(2)).put(b, probability);
        possiblySame.computeIfAbsent(b, k -> new HashMap<>(2)).put(a, probability);
    }

    /** An analyst decided the pair: it is no longer a possible match either way. */
    public synchronized void settled(RecordKey a, RecordKey b) {
        Map<RecordKey, Double> m = possiblySame.get(a);
        if (m != null) m.remove(b);
        m = possiblySame.get(b);
        if (m != null) m.remove(a);
    }

    /** The probability that goes with a match weight (log2 odds). */
    public static double probability(double log2Odds) {
        double odds = Math.pow(2, log2Odds);
        return odds / (1 + odds);
    }

    private void leave(int slot) {
        IntArrayList members = recordsOf.get(entityOf[slot]);
        if (members != null) {
            members.rem(slot);
            if (members.isEmpty()) recordsOf.remove(entityOf[slot]);
        }
    }

    private int valueId(String key, String display) {
        int id = valueIdOf.getInt(key);
        if (id >= 0) return id;
        id = valueKeys.size();
        valueIdOf.put(key, id);
        valueKeys.add(key);
        valueDisplays.add(display);
        postings.add(new IntArrayList(2));
        return id;
    }

    private void grow(int n) {
        if (n <= links.length) return;
        int c = Math.max(n, links.length * 2);
        links = java.util.Arrays.copyOf(links, c);
        valueIds = java.util.Arrays.copyOf(valueIds, c);
        entityOf = java.util.Arrays.copyOf(entityOf, c);
    }

    // ---- reading --------------------------------------------------------------------------------------

    public synchronized boolean containsEntity(long entityId) {
        return recordsOf.containsKey(entityId);
    }

    /** The entity a record belongs to, or 0 when the graph does not hold it. */
    public synchronized long entityOf(RecordKey key) {
        int slot = slotOf.getInt(key);
        return slot < 0 ? 0 : entityOf[slot];
    }

    public synchronized List<RecordLinks> records(long entityId) {
        IntArrayList members = recordsOf.get(entityId);
        if (members == null) return List.of();
        List<RecordLinks> out = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) out.add(links[members.getInt(i)]);
        out.sort(Comparator.comparing(RecordLinks::key));
        return out;
    }

    public synchronized LongSet entities() {
        return new LongOpenHashSet(recordsOf.keySet());
    }

    public synchronized int entityCount() {
        return recordsOf.size();
    }

    /** Every value the graph indexes, of one kind, with the entities that hold it (at most {@code cap + 1}). */
    public synchronized void forEachValue(RelationType type, int cap, ValueVisitor visitor) {
        for (int id = 0; id < valueKeys.size(); id++) visit(id, type, cap, visitor);
    }

    /**
     * Like {@link #forEachValue(RelationType, int, ValueVisitor)}, but only the values held by the records of
     * {@code scope} (null: every value): what a re-scan after a change needs to look at again.
     */
    public synchronized void forEachValue(RelationType type, int cap, LongSet scope, ValueVisitor visitor) {
        if (scope == null) {
            forEachValue(type, cap, visitor);
            return;
        }
        it.unimi.dsi.fastutil.ints.IntOpenHashSet seen = new it.unimi.dsi.fastutil.ints.IntOpenHashSet();
        for (long entity : scope) {
            IntArrayList members = recordsOf.get(entity);
            if (members == null) continue;
            for (int i = 0; i < members.size(); i++) {
                for (int id : valueIds[members.getInt(i)]) if (seen.add(id)) visit(id, type, cap, visitor);
            }
        }
    }

    private void visit(int id, RelationType type, int cap, ValueVisitor visitor) {
        String key = valueKeys.get(id);
        if (postings.get(id).size() < 2 || RelationType.ofValueKind(RecordLinks.kind(key)) != type) return;
        LongSet holders = holders(id, cap);
        if (holders.size() >= 2) visitor.visit(key, valueDisplays.get(id), holders);
    }

    /**
     * The entities reachable from {@code seeds} through values of these types that are not generic: the groups a
     * change may have altered. Stops growing past {@code limit} entities.
     */
    public synchronized LongSet reachable(LongSet seeds, java.util.Set<RelationType> types, int limit) {
        LongOpenHashSet out = new LongOpenHashSet(seeds);
        LongOpenHashSet frontier = new LongOpenHashSet(seeds);
        while (!frontier.isEmpty() && out.size() <= limit) {
            LongOpenHashSet next = new LongOpenHashSet();
            for (RelationType type : types) {
                int cap = settings.genericAbove(type);
                forEachValue(type, cap, frontier, (key, display, holders) -> {
                    if (holders.size() > cap) return;
                    for (long e : holders) if (out.add(e)) next.add(e);
                });
            }
            frontier = next;
        }
        return out;
    }

    /** Sees one shared value and (up to a cap) the entities holding it. */
    @FunctionalInterface
    public interface ValueVisitor {
        void visit(String key, String display, LongSet entities);
    }

    /** The records (as keys) of {@code entityId} that hold the value with this key. */
    public synchronized List<RecordKey> recordsHolding(long entityId, String valueKey) {
        int id = valueIdOf.getInt(valueKey);
        if (id < 0) return List.of();
        List<RecordKey> out = new ArrayList<>(2);
        IntArrayList p = postings.get(id);
        for (int i = 0; i < p.size(); i++) if (entityOf[p.getInt(i)] == entityId) out.add(links[p.getInt(i)].key());
        return out;
    }

    /** How many entities hold each of this entity's values that is generic (shared too widely to link). */
    public synchronized Map<String, Integer> genericValues(long entityId) {
        Map<String, Integer> out = new java.util.TreeMap<>();
        IntArrayList members = recordsOf.get(entityId);
        if (members == null) return out;
        for (int i = 0; i < members.size(); i++) {
            for (int id : valueIds[members.getInt(i)]) {
                int cap = settings.genericAbove(RelationType.ofValueKind(RecordLinks.kind(valueKeys.get(id))));
                // holders(id, cap) stops counting at cap + 1: count them all once the value is known to be generic
                if (holders(id, cap).size() > cap) out.put(valueDisplays.get(id), holders(id, Integer.MAX_VALUE).size());
            }
        }
        return out;
    }

    /** The distinct entities holding a value, stopping once there are more than {@code cap}. */
    private LongSet holders(int valueId, int cap) {
        IntArrayList p = postings.get(valueId);
        LongOpenHashSet out = new LongOpenHashSet((int) Math.min(p.size(), cap + 1L));
        for (int i = 0; i < p.size() && out.size() <= cap; i++) out.add(entityOf[p.getInt(i)]);
        return out;
    }

    /** The entities whose records disclose a link to a record of {@code entityId}, with the link's type. */
    public synchronized Map<Long, String> disclosers(long entityId) {
        Map<Long, String> out = new HashMap<>();
        IntArrayList members = recordsOf.get(entityId);
        if (members == null) return out;
        for (int i = 0; i < members.size(); i++) {
            RecordKey target = links[members.getInt(i)].key();
            IntArrayList by = disclosedTo.get(target);
            if (by == null) continue;
            for (int j = 0; j < by.size(); j++) {
                int s = by.getInt(j);
                for (RecordLinks.Disclosed d : links[s].disclosed()) {
                    if (d.target().equals(target)) out.putIfAbsent(entityOf[s], d.type());
                }
            }
        }
        return out;
    }

    /** Every possible connection of an entity, strongest first. */
    public synchronized List<Relation> relations(long entityId) {
        IntArrayList members = recordsOf.get(entityId);
        if (members == null) return List.of();
        RelationCollector c = new RelationCollector(entityId, settings);
        for (int i = 0; i < members.size(); i++) {
            int slot = members.getInt(i);
            sharedValues(slot, c);
            disclosedLinks(slot, c);
            sharedOrganizations(slot, c);
            possibleMatches(slot, c);
        }
        return c.relations();
    }

    private void sharedValues(int slot, RelationCollector c) {
        RecordKey from = links[slot].key();
        for (int id : valueIds[slot]) {
            IntArrayList p = postings.get(id);
            if (p.size() < 2) continue;
            RelationType type = RelationType.ofValueKind(RecordLinks.kind(valueKeys.get(id)));
            int cap = settings.genericAbove(type);
            int n = holders(id, cap).size();
            if (n < 2 || n > cap) continue;
            double s = settings.weight(type) * RelateSettings.specificity(n);
            for (int i = 0; i < p.size(); i++) {
                int other = p.getInt(i);
                c.add(entityOf[other], new Evidence(type, valueDisplays.get(id), from, links[other].key(), n, s));
            }
        }
    }

    private void disclosedLinks(int slot, RelationCollector c) {
        RecordLinks from = links[slot];
        for (RecordLinks.Disclosed d : from.disclosed()) {
            int target = slotOf.getInt(d.target());
            if (target < 0) continue;
            c.add(entityOf[target], new Evidence(RelationType.DISCLOSED, describe(d), from.key(), d.target(), 2,
                    settings.disclosedWeight(d.type())));
        }
        IntArrayList incoming = disclosedTo.get(from.key());
        if (incoming == null) return;
        for (int i = 0; i < incoming.size(); i++) {
            RecordLinks by = links[incoming.getInt(i)];
            for (RecordLinks.Disclosed d : by.disclosed()) {
                if (!d.target().equals(from.key())) continue;
                c.add(entityOf[incoming.getInt(i)], new Evidence(RelationType.DISCLOSED, describe(d) + " (disclosed by "
                        + by.key() + ")", from.key(), by.key(), 2, settings.disclosedWeight(d.type())));
            }
        }
    }

    private static String describe(RecordLinks.Disclosed d) {
        return d.role() == null ? d.type() : d.type() + " (" + d.role() + ")";
    }

    /** People who disclose the same organization as employer, sponsor or school. */
    private void sharedOrganizations(int slot, RelationCollector c) {
        RecordLinks from = links[slot];
        for (RecordLinks.Disclosed d : from.disclosed()) {
            RelationType type = RelationType.sharedOrganization(d.type());
            if (type == null) continue;
            int target = slotOf.getInt(d.target());
            IntArrayList sharers = new IntArrayList();
            LongOpenHashSet entities = new LongOpenHashSet();
            int cap = settings.genericAbove(type);
            for (RecordKey orgRecord : target < 0 ? List.of(d.target()) : keysOf(entityOf[target])) {
                IntArrayList by = disclosedTo.get(orgRecord);
                if (by == null) continue;
                for (int i = 0; i < by.size() && entities.size() <= cap; i++) {
                    int s = by.getInt(i);
                    if (!disclosesAs(links[s], orgRecord, d.type())) continue;
                    entities.add(entityOf[s]);
                    sharers.add(s);
                }
            }
            int n = entities.size();
            if (n < 2 || n > cap) continue;
            String org = target < 0 ? d.target().toString() : orgName(target);
            double s = settings.weight(type) * RelateSettings.specificity(n);
            for (int i = 0; i < sharers.size(); i++) {
                int other = sharers.getInt(i);
                c.add(entityOf[other], new Evidence(type, org, from.key(), links[other].key(), n, s));
            }
        }
    }

    private List<RecordKey> keysOf(long entityId) {
        IntArrayList members = recordsOf.get(entityId);
        List<RecordKey> out = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) out.add(links[members.getInt(i)].key());
        return out;
    }

    private static boolean disclosesAs(RecordLinks by, RecordKey target, String type) {
        for (RecordLinks.Disclosed d : by.disclosed()) if (d.target().equals(target) && d.type().equals(type)) return true;
        return false;
    }

    private String orgName(int slot) {
        var f = links[slot].features();
        if (f.orgNames().length > 0) return f.orgNames()[0].name() + " (" + links[slot].key() + ")";
        return links[slot].key().toString();
    }

    private void possibleMatches(int slot, RelationCollector c) {
        Map<RecordKey, Double> pairs = possiblySame.get(links[slot].key());
        if (pairs == null) return;
        pairs.forEach((other, p) -> {
            int o = slotOf.getInt(other);
            if (o < 0) return;
            c.add(entityOf[o], new Evidence(RelationType.POSSIBLY_SAME, String.format(java.util.Locale.ROOT,
                    "match probability %.2f", p), links[slot].key(), other, 2, settings.weight(RelationType.POSSIBLY_SAME) * p));
        });
    }
}

package io.relata.core.relate.pattern;

import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Pairs of entities with the values they share, grouped into connected groups (union-find). Rings and
 * co-travelling groups are both such groups.
 */
final class PairGroups {
    /** For each pair (smaller id first), the keys and descriptions of the values its two entities share. */
    private final Map<Pair, TreeMap<String, String>> shared = new java.util.HashMap<>();

    record Pair(long a, long b) {
        static Pair of(long x, long y) {
            return x < y ? new Pair(x, y) : new Pair(y, x);
        }
    }

    /** One group: its entities, its pairs, and every value shared inside it (key to description). */
    record Group(List<Long> members, int pairs, TreeMap<String, String> values) {
        double density() {
            int n = members.size();
            return n < 2 ? 0 : pairs / (n * (n - 1) / 2.0);
        }
    }

    void add(long x, long y, String key, String description) {
        shared.computeIfAbsent(Pair.of(x, y), k -> new TreeMap<>()).put(key, description);
    }

    int shares(Pair p) {
        TreeMap<String, String> v = shared.get(p);
        return v == null ? 0 : v.size();
    }

    /** The connected groups of the pairs that share at least {@code minShared} values. */
    List<Group> groups(int minShared) {
        Long2LongOpenHashMap parent = new Long2LongOpenHashMap();
        for (var e : shared.entrySet()) {
            if (e.getValue().size() < minShared) continue;
            union(parent, e.getKey().a(), e.getKey().b());
        }
        Long2ObjectOpenHashMap<List<Long>> members = new Long2ObjectOpenHashMap<>();
        for (long node : parent.keySet()) members.computeIfAbsent(find(parent, node), k -> new ArrayList<>()).add(node);
        Long2ObjectOpenHashMap<int[]> pairs = new Long2ObjectOpenHashMap<>();
        Long2ObjectOpenHashMap<TreeMap<String, String>> values = new Long2ObjectOpenHashMap<>();
        for (var e : shared.entrySet()) {
            if (e.getValue().size() < minShared) continue;
            long root = find(parent, e.getKey().a());
            pairs.computeIfAbsent(root, k -> new int[1])[0]++;
            values.computeIfAbsent(root, k -> new TreeMap<>()).putAll(e.getValue());
        }
        List<Group> out = new ArrayList<>(members.size());
        for (var e : members.long2ObjectEntrySet()) {
            List<Long> m = new ArrayList<>(new TreeSet<>(e.getValue()));
            out.add(new Group(m, pairs.get(e.getLongKey())[0], values.get(e.getLongKey())));
        }
        return out;
    }

    private static long find(Long2LongOpenHashMap parent, long x) {
        long root = x;
        while (parent.containsKey(root) && parent.get(root) != root) root = parent.get(root);
        while (x != root) {
            long next = parent.get(x);
            parent.put(x, root);
            x = next;
        }
        return root;
    }

    private static void union(Long2LongOpenHashMap parent, long a, long b) {
        parent.putIfAbsent(a, a);
        parent.putIfAbsent(b, b);
        long ra = find(parent, a), rb = find(parent, b);
        if (ra != rb) parent.put(Math.max(ra, rb), Math.min(ra, rb));
    }
}

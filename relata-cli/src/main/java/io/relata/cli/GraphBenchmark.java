package io.relata.cli;

import io.relata.app.Relationships;
import io.relata.app.Workspace;
import io.relata.core.model.RecordKey;
import io.relata.core.relate.RelationFilter;
import io.relata.core.relate.pattern.Lead;
import io.relata.core.relate.pattern.PatternCatalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Measures relationship discovery on a loaded store: 2-hop networks and 6-hop paths around random entities
 * (with percentiles), the full pattern scan, and, given the generator's {@code OUT.patterns.csv}, how well the
 * planted rings, co-travel groups and concentration organizations are found (a planted group counts as found
 * when a lead of its pattern holds at least half of its records and, for rings and co-travel groups, at most
 * twice as many; a concentration organization's lead also holds the people it links to).
 *
 * <p>{@code java -cp relata.jar io.relata.cli.GraphBenchmark DB [PATTERNS.csv] [SAMPLES]}
 */
public final class GraphBenchmark {
    private static final int WARM_UP = 100;

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: GraphBenchmark DB [PATTERNS.csv] [SAMPLES]");
            System.exit(2);
        }
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        try (Workspace ws = Workspace.open(args[0])) {
            long t0 = System.nanoTime();
            int entities = ws.graph().entityCount();
            System.out.printf("store %s: %,d entities loaded in %.1f s%n", ws.store().describe(), entities,
                    (System.nanoTime() - t0) / 1e9);
            Relationships rel = new Relationships(ws);
            long[] ids = ws.graph().entities().toLongArray();
            Arrays.sort(ids);
            Random random = new Random(7);

            long[] network = new long[samples + WARM_UP];
            int[] sizes = new int[samples + WARM_UP];
            for (int i = 0; i < network.length; i++) {
                long e = ids[random.nextInt(ids.length)];
                long s = System.nanoTime();
                sizes[i] = rel.network(Long.toString(e), 2, RelationFilter.ALL, 500).nodes().size();
                network[i] = System.nanoTime() - s;
            }
            report("2-hop network", network);
            System.out.printf("  mean entities in a 2-hop network: %.1f%n", Arrays.stream(sizes).average().orElse(0));

            long[] paths = new long[samples + WARM_UP];
            int found = 0;
            for (int i = 0; i < paths.length; i++) {
                // half the pairs are a 2-hop neighbour of a random entity (a path exists), half are random pairs
                long a = ids[random.nextInt(ids.length)], b = ids[random.nextInt(ids.length)];
                if (i % 2 == 0) {
                    var net = rel.network(Long.toString(a), 2, RelationFilter.ALL, 100).nodes();
                    if (net.size() > 1) b = net.get(net.size() - 1).entity();
                }
                if (a == b) b = ids[(Arrays.binarySearch(ids, a) + 1) % ids.length];
                long s = System.nanoTime();
                found += rel.paths(Long.toString(a), Long.toString(b), 3, 6, 50, RelationFilter.ALL).isEmpty() ? 0 : 1;
                paths[i] = System.nanoTime() - s;
            }
            report("paths (k=3, up to 6 hops)", paths);
            System.out.printf("  pairs with a path: %d of %d%n", found, paths.length);

            long s = System.nanoTime();
            List<Lead> leads = rel.scan(PatternCatalog.defaults(), null);
            System.out.printf("full pattern scan: %.1f s, %,d leads%n", (System.nanoTime() - s) / 1e9, leads.size());
            Map<String, Integer> perPattern = new TreeMap<>();
            for (Lead l : leads) perPattern.merge(l.pattern(), 1, Integer::sum);
            perPattern.forEach((p, n) -> System.out.printf("  %-18s %,d%n", p, n));
            if (args.length > 1) accuracy(rel, leads, Path.of(args[1]));
        }
    }

    /** Recall and precision of each planted pattern's groups among the leads of that pattern. */
    private static void accuracy(Relationships rel, List<Lead> leads, Path planted) throws Exception {
        Map<String, Map<String, Set<String>>> truth = new TreeMap<>(); // pattern -> group -> records
        for (String line : Files.readAllLines(planted).subList(1, Files.readAllLines(planted).size())) {
            String[] c = line.split(",");
            truth.computeIfAbsent(c[0], k -> new HashMap<>()).computeIfAbsent(c[1], k -> new HashSet<>())
                    .add(new RecordKey(c[2], c[3]).toString());
        }
        for (var p : truth.entrySet()) {
            List<Set<String>> detected = new ArrayList<>();
            for (Lead l : leads) {
                if (!l.pattern().equals(p.getKey())) continue;
                Set<String> records = new HashSet<>();
                for (long e : l.members()) rel.records(e).forEach(k -> records.add(k.toString()));
                detected.add(records);
            }
            int foundGroups = 0;
            Set<Integer> matchedLeads = new HashSet<>();
            for (Set<String> group : p.getValue().values()) {
                boolean hit = false;
                for (int i = 0; i < detected.size(); i++) {
                    if (matches(detected.get(i), group, !p.getKey().equals("org-concentration"))) {
                        hit = true;
                        matchedLeads.add(i);
                    }
                }
                if (hit) foundGroups++;
            }
            int n = p.getValue().size();
            System.out.printf("%s: planted %d, found %d (recall %.3f); leads %d, of which %d match a planted group "
                            + "(precision %.3f)%n", p.getKey(), n, foundGroups, foundGroups / (double) n, detected.size(),
                    matchedLeads.size(), detected.isEmpty() ? 0 : matchedLeads.size() / (double) detected.size());
        }
    }

    /** Whether a lead holds half a planted group's records (and, for groups of people, not twice as many). */
    static boolean matches(Set<String> lead, Set<String> group, boolean sameSize) {
        int common = 0;
        for (String r : group) if (lead.contains(r)) common++;
        return common * 2 >= group.size() && (!sameSize || lead.size() <= 2 * group.size());
    }

    private static void report(String what, long[] nanos) {
        long[] measured = Arrays.copyOfRange(nanos, Math.min(WARM_UP, nanos.length / 2), nanos.length);
        Arrays.sort(measured);
        System.out.printf("%s: n=%d, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n", what, measured.length,
                pct(measured, 0.50), pct(measured, 0.95), pct(measured, 0.99), measured[measured.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}

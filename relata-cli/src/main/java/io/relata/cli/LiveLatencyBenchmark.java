package io.relata.cli;

import io.relata.app.Search;
import io.relata.app.Workspace;
import io.relata.core.ingest.JsonlReader;
import io.relata.core.model.Name;
import io.relata.core.model.Record;
import io.relata.core.resolve.live.ChangeSet;
import io.relata.core.standardize.FeaturesJson;
import io.relata.core.standardize.RecordFeatures;
import io.relata.store.StoreBatch;
import io.relata.store.StoredRecord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Measures the real-time path on a loaded store: resolving one new record (standardize, resolve, relate, write
 * and commit its changes) and searching by name and birth date, one at a time, with percentiles. Held-out records
 * of the same population make realistic arrivals and queries.
 *
 * <p>{@code java -cp relata-cli/target/relata.jar io.relata.cli.LiveLatencyBenchmark DB HELD_OUT.jsonl}
 */
public final class LiveLatencyBenchmark {
    private static final int WARM_UP = 200;

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: LiveLatencyBenchmark DB HELD_OUT.jsonl");
            System.exit(2);
        }
        List<Record> held = Files.readAllLines(Path.of(args[1])).stream().filter(l -> !l.isBlank())
                .map(JsonlReader::parse).toList();
        try (Workspace ws = Workspace.open(args[0])) {
            long t0 = System.nanoTime();
            int stored = ws.resolver().recordCount();
            System.out.printf("store %s: %,d records loaded into the resolver in %.1f s%n", ws.store().describe(),
                    stored, (System.nanoTime() - t0) / 1e9);

            Search search = new Search(ws);
            long[] searchNanos = new long[held.size()];
            for (int i = 0; i < held.size(); i++) {
                Record r = held.get(i);
                Record.Builder q = Record.builder("SEARCH", "q");
                for (Name n : r.names()) q.name(n);
                q.dob(r.dob());
                long s = System.nanoTime();
                search.run(q.build(), 10);
                searchNanos[i] = System.nanoTime() - s;
            }

            long[] resolveNanos = new long[held.size()];
            for (int i = 0; i < held.size(); i++) {
                Record r = held.get(i);
                long s = System.nanoTime();
                RecordFeatures f = ws.standardizer().standardize(r);
                ChangeSet cs = ws.upsert(r, f);
                Instant now = Instant.now();
                try (StoreBatch write = ws.store().begin()) {
                    String content = io.relata.core.ingest.JsonlWriter.toJson(r);
                    write.insertRecord(new StoredRecord(f.key(), content.hashCode(), content, FeaturesJson.of(f), 0), now);
                    write.apply(cs, now);
                    write.commit();
                }
                resolveNanos[i] = System.nanoTime() - s;
            }
            report("search by name and birth date", searchNanos);
            report("resolve one new record (standardize, resolve, commit)", resolveNanos);
        }
    }

    private static void report(String what, long[] nanos) {
        long[] measured = Arrays.copyOfRange(nanos, Math.min(WARM_UP, nanos.length / 2), nanos.length);
        Arrays.sort(measured);
        System.out.printf("%s: n=%d (after %d warm-up), p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n", what,
                measured.length, nanos.length - measured.length, pct(measured, 0.50), pct(measured, 0.95),
                pct(measured, 0.99), measured[measured.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}

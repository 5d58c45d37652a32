package io.relata.app;

import io.relata.core.ingest.CsvMapping;
import io.relata.core.ingest.JsonlWriter;
import io.relata.core.ingest.LoadCounts;
import io.relata.core.ingest.RecordHandler;
import io.relata.core.ingest.Reject;
import io.relata.core.ingest.SourceFileReader;
import io.relata.core.model.Record;
import io.relata.core.model.RecordKey;
import io.relata.core.relate.pattern.PatternCatalog;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import io.relata.core.resolve.LiveResolver;
import io.relata.core.resolve.live.ChangeSet;
import io.relata.core.resolve.live.EntityChange;
import io.relata.core.standardize.FeaturesJson;
import io.relata.core.standardize.RecordFeatures;
import io.relata.store.StoreBatch;
import io.relata.store.StoredRecord;
import org.apache.commons.codec.digest.MurmurHash3;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Loads source extracts into the store and resolves every new or changed record as it comes. Records are
 * committed in batches: a load killed at any moment leaves the store as of its last commit, and running it
 * again skips what is stored already (an unchanged record is a no-op) and completes the rest. Watch lists are
 * checked as each record is resolved; at the end the leads of every entity the load touched are brought up to
 * date.
 */
public final class Ingest {
    /** Hears how a load goes: called after every committed batch, and for every rejected record. */
    public interface Listener {
        void progress(long read, long accepted, long rejected);

        void rejected(Reject reject);
    }

    private final Workspace workspace;
    private final int batchSize;

    public Ingest(Workspace workspace, int batchSize) {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1");
        this.workspace = workspace;
        this.batchSize = batchSize;
    }

    public IngestSummary run(List<Path> files, CsvMapping mappingOrNull, Listener listener) {
        long t0 = System.nanoTime();
        workspace.resolver(); // load first, so the load's rate is the load's alone
        workspace.store().compactOnClose();
        Tally tally = new Tally();
        TripWire tripWire = new TripWire(workspace.graph(), workspace.store().watches().active());
        List<Record> pending = new ArrayList<>(batchSize);
        long[] seen = new long[3]; // read, accepted, rejected so far
        RecordHandler handler = new RecordHandler() {
            @Override
            public void accept(Record record, long line) {
                seen[0]++;
                seen[1]++;
                pending.add(record);
                if (pending.size() == batchSize) {
                    commit(pending, tally, tripWire);
                    pending.clear();
                    listener.progress(seen[0], seen[1], seen[2]);
                }
            }

            @Override
            public void reject(Reject reject) {
                seen[0]++;
                seen[2]++;
                listener.rejected(reject);
            }
        };
        LoadCounts counts = LoadCounts.ZERO;
        SourceFileReader reader = new SourceFileReader();
        for (Path file : files) counts = counts.plus(reader.read(file, mappingOrNull, handler));
        commit(pending, tally, tripWire);
        listener.progress(seen[0], seen[1], seen[2]);
        Leads.ScanResult leads = new Leads(workspace, PatternCatalog.defaults()).rescan(tally.touched);
        return new IngestSummary(counts.read(), counts.accepted(), counts.rejected(), tally.added, tally.changed,
                tally.unchanged, tally.created, tally.merged, tally.split, tally.reviews, tripWire.raised(),
                leads.leads().size(), leads.retired().values().stream().mapToInt(Integer::intValue).sum(),
                (System.nanoTime() - t0) / 1e9);
    }

    private static final class Tally {
        long added, changed, unchanged, created, merged, split, reviews;
        /** Every entity a change touched: where the leads must be looked at again. */
        final LongOpenHashSet touched = new LongOpenHashSet();

        void count(ChangeSet cs) {
            Leads.touched(cs, touched);
            for (EntityChange c : cs.changes()) {
                switch (c.kind()) {
                    case CREATED -> created++;
                    case MERGED_INTO -> merged++;
                    case SPLIT -> split++;
                    default -> { }
                }
            }
            reviews += cs.reviews().size();
        }
    }

    /** Standardizes the batch in parallel, then resolves and writes it record by record, in one transaction. */
    private void commit(List<Record> batch, Tally tally, TripWire tripWire) {
        int n = batch.size();
        if (n == 0) return;
        String[] content = new String[n];
        long[] hash = new long[n];
        RecordFeatures[] features = new RecordFeatures[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            Record r = batch.get(i);
            content[i] = JsonlWriter.toJson(r);
            hash[i] = contentHash(content[i]);
            RecordKey key = new RecordKey(r.source(), r.id());
            if (!workspace.isActive(key) || workspace.contentHash(key) != hash[i]) {
                features[i] = workspace.standardizer().standardize(r);
            }
        });
        Instant now = Instant.now();
        try (StoreBatch write = workspace.store().begin()) {
            for (int i = 0; i < n; i++) {
                Record r = batch.get(i);
                RecordKey key = new RecordKey(r.source(), r.id());
                boolean active = workspace.isActive(key);
                // a record repeated within the batch is compared with its own earlier version
                if (active && workspace.contentHash(key) == hash[i]) {
                    tally.unchanged++;
                    continue;
                }
                RecordFeatures f = features[i] != null ? features[i] : workspace.standardizer().standardize(r);
                write.ensureSource(key.source());
                StoredRecord stored = new StoredRecord(key, hash[i], content[i], FeaturesJson.of(f), 0);
                if (active || workspace.wasWithdrawn(key)) {
                    write.updateRecord(stored, now);
                } else {
                    write.insertRecord(stored, now);
                }
                if (active) tally.changed++;
                else tally.added++;
                ChangeSet cs = workspace.upsert(r, f);
                write.apply(cs, now);
                if (active || !r.relationships().isEmpty()) write.replaceRelationships(key, r.relationships());
                tripWire.check(key, cs, write, now);
                tally.count(cs);
                workspace.contentChanged(key, hash[i]);
            }
            write.commit();
        }
    }

    static long contentHash(String content) {
        return MurmurHash3.hash128x64(content.getBytes(StandardCharsets.UTF_8))[0];
    }
}

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

    /**
     * Runs the steps of a load that use the workspace and its store: the start, each batch's commit and the
     * final re-scan of leads. Reading and checking the file happens outside them. A server passes its request
     * lock here, so that a load and requests never use the store at the same time and requests are served
     * between batches.
     */
    @FunctionalInterface
    public interface Gate {
        /** Runs the step directly: for a load that has the workspace to itself. */
        Gate OPEN = Runnable::run;

        void run(Runnable step);
    }

    private final Workspace workspace;
    private final int batchSize;
    private final Gate gate;
    private final String onlySource;

    public Ingest(Workspace workspace, int batchSize) {
        this(workspace, batchSize, Gate.OPEN, null);
    }

    private Ingest(Workspace workspace, int batchSize, Gate gate, String onlySource) {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1");
        this.workspace = workspace;
        this.batchSize = batchSize;
        this.gate = java.util.Objects.requireNonNull(gate, "gate");
        this.onlySource = onlySource;
    }

    /** The same load, with every step that uses the workspace run through {@code gate}. */
    public Ingest through(Gate gate) {
        return new Ingest(workspace, batchSize, gate, onlySource);
    }

    /**
     * The same load, for one source only: a record of any other source is rejected (field {@code source}), so an
     * extract declared as one source's cannot write another's records.
     */
    public Ingest onlySource(String source) {
        if (source == null || source.isBlank()) throw new IllegalArgumentException("a source code is needed");
        return new Ingest(workspace, batchSize, gate, source);
    }

    public IngestSummary run(List<Path> files, CsvMapping mappingOrNull, Listener listener) {
        long t0 = System.nanoTime();
        Tally tally = new Tally();
        TripWire[] tripWire = new TripWire[1];
        gate.run(() -> {
            workspace.resolver(); // load first, so the load's rate is the load's alone
            workspace.store().compactOnClose();
            tripWire[0] = new TripWire(workspace.graph(), workspace.store().watches().active());
        });
        List<Record> pending = new ArrayList<>(batchSize);
        long[] seen = new long[4]; // read, accepted, rejected so far; rejected here for another source
        String[] current = new String[1];
        RecordHandler handler = new RecordHandler() {
            @Override
            public void accept(Record record, long line) {
                seen[0]++;
                if (onlySource != null && !onlySource.equals(record.source())) {
                    seen[2]++;
                    seen[3]++;
                    listener.rejected(new Reject(current[0], line, "source", "this load is for source " + onlySource
                            + ", not " + record.source()));
                    return;
                }
                seen[1]++;
                pending.add(record);
                if (pending.size() == batchSize) {
                    gate.run(() -> commit(pending, tally, tripWire[0]));
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
        for (Path file : files) {
            current[0] = file.toString(); // as the readers name the file in their rejects
            counts = counts.plus(reader.read(file, mappingOrNull, handler));
        }
        gate.run(() -> commit(pending, tally, tripWire[0]));
        listener.progress(seen[0], seen[1], seen[2]);
        Leads.ScanResult[] leads = new Leads.ScanResult[1];
        gate.run(() -> leads[0] = new Leads(workspace, PatternCatalog.defaults()).rescan(tally.touched));
        long foreign = seen[3];
        return new IngestSummary(counts.read(), counts.accepted() - foreign, counts.rejected() + foreign, tally.added,
                tally.changed, tally.unchanged, tally.created, tally.merged, tally.split, tally.reviews,
                tripWire[0].raised(), leads[0].leads().size(),
                leads[0].retired().values().stream().mapToInt(Integer::intValue).sum(), (System.nanoTime() - t0) / 1e9);
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

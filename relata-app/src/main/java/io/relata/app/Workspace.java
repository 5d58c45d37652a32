package io.relata.app;

import io.relata.core.ingest.JsonlReader;
import io.relata.core.model.Record;
import io.relata.core.model.RecordKey;
import io.relata.core.relate.RecordLinks;
import io.relata.core.relate.RelateSettings;
import io.relata.core.relate.RelationGraph;
import io.relata.core.resolve.live.ChangeSet;
import io.relata.store.ReviewItem;
import io.relata.core.resolve.LiveResolver;
import io.relata.core.resolve.MatchModel;
import io.relata.core.resolve.ResolverSettings;
import io.relata.core.resolve.live.MatchDecision;
import io.relata.core.standardize.RecordFeatures;
import io.relata.core.standardize.RecordStandardizer;
import io.relata.store.RelataStore;
import io.relata.store.SourceInfo;
import io.relata.store.StoredRecord;
import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.List;
import java.util.stream.IntStream;

/**
 * An open store with its live resolver and relationship graph: the durable state and the engines that keep
 * it resolved and related. Both engines are derived state: they are rebuilt from the stored records
 * (standardized again, in parallel), decisions and open review items the first time a use case needs them,
 * so a crash can never leave them and the store apart. Every change goes through {@link #upsert},
 * {@link #withdraw} or {@link #decide}, which keep the two engines in step.
 */
public final class Workspace implements AutoCloseable {
    private static final String MODEL_SETTING = "match-model";
    private static final String MONTH_FIRST_SETTING = "dates-month-first";
    private static final int LOAD_CHUNK = 8192;

    private final RelataStore store;
    private final MatchModel model;
    private final RecordStandardizer standardizer;
    private LiveResolver resolver;
    private RelationGraph graph;
    /** The content hash of every active record, to tell a changed record from an unchanged one. */
    private final Object2LongOpenHashMap<RecordKey> contentHashes = new Object2LongOpenHashMap<>();
    /** Records withdrawn earlier: their rows remain, so coming back is an update, not an insert. */
    private java.util.Set<RecordKey> withdrawn;

    private Workspace(RelataStore store, MatchModel model, RecordStandardizer standardizer) {
        this.store = store;
        this.model = model;
        this.standardizer = standardizer;
    }

    /**
     * Opens the store at {@code db} (a JDBC URL or a directory; null for {@code ./relata-data}). A new store
     * keeps {@code modelOrNull} (or the default model) and every later run scores with it, so entities do not
     * shift because a command was run with other settings. For the same reason the store keeps how records are
     * standardized: each source's default country (in the source registry) and whether ambiguous dates read month
     * first. {@code countries} (source to ISO alpha-2) and {@code monthFirst} are what a load says; they are
     * recorded, and every later command standardizes with what the store holds.
     */
    public static Workspace open(String db, MatchModel modelOrNull, Map<String, String> countries, boolean monthFirst) {
        RelataStore store = RelataStore.open(db);
        try {
            MatchModel model = store.setting(MODEL_SETTING).map(MatchModel::fromJson).orElse(null);
            boolean storedMonthFirst = store.setting(MONTH_FIRST_SETTING).map(Boolean::parseBoolean).orElse(false);
            if (model == null || monthFirst && !storedMonthFirst) {
                try (var batch = store.begin()) {
                    if (model == null) {
                        model = modelOrNull == null ? MatchModel.defaults() : modelOrNull;
                        batch.putSetting(MODEL_SETTING, model.toJson());
                    }
                    if (monthFirst) batch.putSetting(MONTH_FIRST_SETTING, "true");
                    batch.commit();
                }
            }
            Map<String, String> byStore = new HashMap<>();
            for (SourceInfo source : store.sources()) {
                String wanted = countries.get(source.code());
                if (wanted != null && !wanted.equalsIgnoreCase(String.valueOf(source.defaultCountry()))) {
                    store.putSource(new SourceInfo(source.code(), source.name(), source.owner(), source.purpose(),
                            wanted.toUpperCase(Locale.ROOT), source.retentionDays(), source.accessLabel()));
                }
                if (wanted != null) byStore.put(source.code(), wanted.toUpperCase(Locale.ROOT));
                else if (source.defaultCountry() != null) byStore.put(source.code(), source.defaultCountry());
            }
            countries.forEach((code, cc) -> {
                if (!byStore.containsKey(code)) {
                    store.putSource(new SourceInfo(code, code, null, null, cc.toUpperCase(Locale.ROOT), null, null));
                    byStore.put(code, cc.toUpperCase(Locale.ROOT));
                }
            });
            return new Workspace(store, model, new RecordStandardizer(byStore, monthFirst || storedMonthFirst));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Opens a store to work with as it is (its model and its standardization settings). */
    public static Workspace open(String db) {
        return open(db, null, Map.of(), false);
    }

    public RelataStore store() {
        return store;
    }

    public MatchModel model() {
        return model;
    }

    public RecordStandardizer standardizer() {
        return standardizer;
    }

    /** The live resolver, loaded from the store on first use. */
    public LiveResolver resolver() {
        if (resolver == null) load();
        return resolver;
    }

    /** The relationship graph, loaded from the store (with the resolver) on first use. */
    public RelationGraph graph() {
        if (resolver == null) load();
        return graph;
    }

    /** Resolves a new or changed record and relates it; the caller writes the change set to the store. */
    public synchronized ChangeSet upsert(Record record, RecordFeatures features) {
        ChangeSet cs = resolver().upsert(features);
        graph.put(RecordLinks.of(record, features), resolver.entityOf(record.key()));
        graph.apply(cs);
        return cs;
    }

    /** Withdraws a record from resolution and from the graph. */
    public synchronized ChangeSet withdraw(RecordKey key) {
        ChangeSet cs = resolver().withdraw(key);
        graph.remove(key);
        graph.apply(cs);
        return cs;
    }

    /** Applies an analyst's ruling: entities re-form and the pair is no longer a possible match. */
    public synchronized ChangeSet decide(MatchDecision decision) {
        ChangeSet cs = resolver().decide(decision);
        graph.settled(decision.first(), decision.second());
        graph.apply(cs);
        return cs;
    }

    /**
     * Forgets a record for good (retention): its key leaves the resolver (with the rulings that name it), the graph
     * (with its possible matches) and the workspace's own books. An active record is withdrawn first.
     */
    synchronized void forget(RecordKey key) {
        if (resolver != null) {
            resolver.forget(key);
            graph.forget(key);
        }
        contentHashes.removeLong(key);
        if (withdrawn != null) withdrawn.remove(key);
    }

    /**
     * Drops the engines after a change whose store transaction did not commit, so that the next use rebuilds them
     * from what the store holds: memory and store never stay apart.
     */
    synchronized void reload() {
        resolver = null;
        graph = null;
        contentHashes.clear();
        withdrawn = null;
    }

    long contentHash(RecordKey key) {
        resolver();
        return contentHashes.getLong(key);
    }

    boolean isActive(RecordKey key) {
        resolver();
        return contentHashes.containsKey(key);
    }

    void contentChanged(RecordKey key, long hash) {
        contentHashes.put(key, hash);
    }

    void withdrawn(RecordKey key) {
        contentHashes.removeLong(key);
        wasWithdrawn(key);
        withdrawn.add(key);
    }

    boolean wasWithdrawn(RecordKey key) {
        if (withdrawn == null) withdrawn = new java.util.HashSet<>(store.withdrawnKeys());
        return withdrawn.contains(key);
    }

    private synchronized void load() {
        if (resolver != null) return;
        LiveResolver live = new LiveResolver(model, ResolverSettings.defaults().maxBlockSize());
        RelationGraph related = new RelationGraph(RelateSettings.defaults());
        List<StoredRecord> chunk = new ArrayList<>(LOAD_CHUNK);
        store.forEachActiveRecord(r -> {
            chunk.add(r);
            if (chunk.size() == LOAD_CHUNK) {
                restore(live, related, chunk);
                chunk.clear();
            }
        });
        restore(live, related, chunk);
        for (MatchDecision d : store.decisions()) live.restoreDecision(d);
        live.reserveEntityIds(store.maxEntityId());
        for (ReviewItem item : store.reviewItems("OPEN", Integer.MAX_VALUE)) {
            related.possiblySame(item.first(), item.second(), RelationGraph.probability(item.weight()));
        }
        graph = related;
        resolver = live;
    }

    private void restore(LiveResolver live, RelationGraph related, List<StoredRecord> chunk) {
        Record[] records = new Record[chunk.size()];
        RecordFeatures[] features = new RecordFeatures[chunk.size()];
        IntStream.range(0, features.length).parallel().forEach(i -> {
            records[i] = JsonlReader.parse(chunk.get(i).content());
            features[i] = standardizer.standardize(records[i]);
        });
        for (int i = 0; i < features.length; i++) {
            StoredRecord r = chunk.get(i);
            live.restore(features[i], r.entityId());
            related.put(RecordLinks.of(records[i], features[i]), r.entityId());
            contentHashes.put(r.key(), r.contentHash());
        }
    }

    @Override
    public void close() {
        store.close();
    }
}

package io.relata.app;

import io.relata.core.ingest.JsonlReader;
import io.relata.core.model.RecordKey;
import io.relata.core.resolve.LiveResolver;
import io.relata.core.resolve.MatchModel;
import io.relata.core.resolve.ResolverSettings;
import io.relata.core.resolve.live.MatchDecision;
import io.relata.core.standardize.RecordFeatures;
import io.relata.core.standardize.RecordStandardizer;
import io.relata.store.RelataStore;
import io.relata.store.StoredRecord;
import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * An open store with its live resolver: the durable state and the engine that keeps it resolved. The
 * resolver is derived state: it is rebuilt from the stored records (standardized again, in parallel) and
 * decisions the first time a use case needs it, so a crash can never leave the two apart.
 */
public final class Workspace implements AutoCloseable {
    private static final String MODEL_SETTING = "match-model";
    private static final int LOAD_CHUNK = 8192;

    private final RelataStore store;
    private final MatchModel model;
    private final RecordStandardizer standardizer;
    private LiveResolver resolver;
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
     * shift because a command was run with other settings.
     */
    public static Workspace open(String db, MatchModel modelOrNull, RecordStandardizer standardizer) {
        RelataStore store = RelataStore.open(db);
        try {
            MatchModel model = store.setting(MODEL_SETTING).map(MatchModel::fromJson).orElse(null);
            if (model == null) {
                model = modelOrNull == null ? MatchModel.defaults() : modelOrNull;
                try (var batch = store.begin()) {
                    batch.putSetting(MODEL_SETTING, model.toJson());
                    batch.commit();
                }
            }
            return new Workspace(store, model, standardizer);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
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
        if (resolver == null) resolver = load();
        return resolver;
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

    private LiveResolver load() {
        LiveResolver live = new LiveResolver(model, ResolverSettings.defaults().maxBlockSize());
        List<StoredRecord> chunk = new ArrayList<>(LOAD_CHUNK);
        store.forEachActiveRecord(r -> {
            chunk.add(r);
            if (chunk.size() == LOAD_CHUNK) {
                restore(live, chunk);
                chunk.clear();
            }
        });
        restore(live, chunk);
        for (MatchDecision d : store.decisions()) live.restoreDecision(d);
        live.reserveEntityIds(store.maxEntityId());
        return live;
    }

    private void restore(LiveResolver live, List<StoredRecord> chunk) {
        RecordFeatures[] features = new RecordFeatures[chunk.size()];
        IntStream.range(0, features.length).parallel()
                .forEach(i -> features[i] = standardizer.standardize(JsonlReader.parse(chunk.get(i).content())));
        for (int i = 0; i < features.length; i++) {
            StoredRecord r = chunk.get(i);
            live.restore(features[i], r.entityId());
            contentHashes.put(r.key(), r.contentHash());
        }
    }

    @Override
    public void close() {
        store.close();
    }
}

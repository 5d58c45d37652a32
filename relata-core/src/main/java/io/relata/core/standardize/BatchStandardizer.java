package io.relata.core.standardize;

import io.relata.core.model.Record;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Standardizes records as they stream in, a batch at a time on every core while the reader goes on to the
 * next batch, and keeps only the features: the records themselves are dropped as soon as they are
 * standardized, which halves the memory of a large load.
 */
public final class BatchStandardizer implements Consumer<Record> {
    private static final int BATCH = 8192;
    /**
     * Its own pool, one thread per core: the common pool has one thread fewer than there are cores, expecting
     * the caller to help, but here the caller is busy reading the next batch.
     */
    private static final ForkJoinPool POOL = new ForkJoinPool(Runtime.getRuntime().availableProcessors());

    private final RecordStandardizer standardizer;
    private List<Record> batch = new ArrayList<>(BATCH);
    private RecordFeatures[] features = new RecordFeatures[BATCH];
    private int size;
    private CompletableFuture<Void> pending = CompletableFuture.completedFuture(null);

    public BatchStandardizer(RecordStandardizer standardizer) {
        this.standardizer = standardizer;
    }

    @Override
    public void accept(Record r) {
        batch.add(r);
        if (batch.size() == BATCH) flush();
    }

    /** The features of every record accepted so far, in the order they came. */
    public RecordFeatures[] finish() {
        flush();
        pending.join();
        return Arrays.copyOf(features, size);
    }

    private void flush() {
        int n = batch.size();
        if (n == 0) return;
        pending.join(); // the previous batch writes into features: finish it before the array may move
        if (size + n > features.length) features = Arrays.copyOf(features, Math.max(size + n, features.length * 2));
        RecordFeatures[] target = features;
        List<Record> records = batch;
        int offset = size;
        pending = CompletableFuture.runAsync(() -> IntStream.range(0, n).parallel()
                .forEach(i -> target[offset + i] = standardizer.standardize(records.get(i))), POOL);
        size += n;
        batch = new ArrayList<>(BATCH);
    }
}

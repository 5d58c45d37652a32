package io.relata.core.standardize;

import io.relata.core.model.Record;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Standardizes records as they stream in, a batch at a time on every core, and keeps only the features:
 * the records themselves can be dropped as soon as they are read, which halves the memory of a large load.
 */
public final class BatchStandardizer implements Consumer<Record> {
    private static final int BATCH = 8192;

    private final RecordStandardizer standardizer;
    private final List<Record> batch = new ArrayList<>(BATCH);
    private RecordFeatures[] features = new RecordFeatures[BATCH];
    private int size;

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
        return Arrays.copyOf(features, size);
    }

    private void flush() {
        int n = batch.size();
        if (n == 0) return;
        if (size + n > features.length) features = Arrays.copyOf(features, Math.max(size + n, features.length * 2));
        int offset = size;
        IntStream.range(0, n).parallel().forEach(i -> features[offset + i] = standardizer.standardize(batch.get(i)));
        size += n;
        batch.clear();
    }
}

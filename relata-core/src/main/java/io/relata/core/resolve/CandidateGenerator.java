package io.relata.core.resolve;

import io.relata.core.standardize.RecordFeatures;
import it.unimi.dsi.fastutil.longs.LongArrayList;

import java.util.Arrays;

/**
 * Blocking: finds the pairs of records worth comparing. Every (key, record) is packed into one long, the
 * key's hash in the high bits and the record index in the low bits, so that one primitive sort groups the
 * records of each key. A key shared by more than {@code maxBlockSize} records is a generic value (a shelter's
 * address, a placeholder phone, John Smith) and is skipped rather than exploded into all its pairs: the
 * other keys of those records still find their true partners.
 */
public final class CandidateGenerator {
    static final int INDEX_BITS = 24, KIND_BITS = 5;
    public static final int MAX_RECORDS = 1 << INDEX_BITS;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;
    /** The key part of an entry: hash bits and kind; the kind sits just above the index. */
    private static final long KEY_MASK = ~INDEX_MASK;
    private static final long HASH_MASK = -1L << (INDEX_BITS + KIND_BITS);

    /** Keys on a name alone are broad: a block of them turns generic at a fraction of the usual size. */
    static final int NAME_ONLY_DIVISOR = 4;

    private final int maxBlockSize;

    public CandidateGenerator(int maxBlockSize) {
        if (maxBlockSize < 2) throw new IllegalArgumentException("maxBlockSize must be at least 2");
        this.maxBlockSize = maxBlockSize;
    }

    public CandidatePairs generate(RecordFeatures[] records) {
        if (records.length > MAX_RECORDS) {
            throw new IllegalArgumentException("one batch holds at most " + MAX_RECORDS + " records");
        }
        long[] entries = keyEntries(records);
        Arrays.parallelSort(entries);
        LongArrayList pairs = new LongArrayList(records.length * 4);
        long blocks = 0, generic = 0;
        long[] pairsByKind = new long[BlockingKeys.KIND_NAMES.length];
        int largestGeneric = 0;
        int start = 0;
        while (start < entries.length) {
            long key = entries[start] & KEY_MASK;
            int end = start + 1;
            while (end < entries.length && (entries[end] & KEY_MASK) == key) end++;
            int size = distinctRecords(entries, start, end);
            int kind = (int) (key >>> INDEX_BITS) & ((1 << KIND_BITS) - 1);
            if (size > (BlockingKeys.isNameOnly(kind) ? maxBlockSize / NAME_ONLY_DIVISOR : maxBlockSize)) {
                generic++;
                largestGeneric = Math.max(largestGeneric, size);
            } else if (size > 1) {
                blocks++;
                pairsByKind[kind] += (long) size * (size - 1) / 2;
                emitPairs(entries, start, end, pairs);
            }
            start = end;
        }
        long[] result = pairs.toLongArray();
        Arrays.parallelSort(result);
        return new CandidatePairs(unique(result), blocks, generic, largestGeneric, pairsByKind(pairsByKind));
    }

    /** Every pair of two persons or two organizations, sorted: for a small batch (see ResolverSettings). */
    public static long[] allPairs(RecordFeatures[] records) {
        LongArrayList pairs = new LongArrayList();
        for (int i = 0; i < records.length; i++) {
            for (int j = i + 1; j < records.length; j++) {
                if (records[i].isPerson() == records[j].isPerson()) pairs.add(CandidatePairs.pack(i, j));
            }
        }
        return pairs.toLongArray();
    }

    private static long[] keyEntries(RecordFeatures[] records) {
        LongArrayList entries = new LongArrayList(records.length * 10);
        for (int i = 0; i < records.length; i++) {
            final long index = i;
            BlockingKeys.keys(records[i],
                    (kind, hash) -> entries.add((hash & HASH_MASK) | ((long) kind << INDEX_BITS) | index));
        }
        return entries.toLongArray();
    }

    private static java.util.Map<String, Long> pairsByKind(long[] counts) {
        java.util.Map<String, Long> byName = new java.util.LinkedHashMap<>();
        for (int k = 1; k < counts.length; k++) {
            if (counts[k] > 0) byName.put(BlockingKeys.KIND_NAMES[k], counts[k]);
        }
        return byName;
    }

    private static int distinctRecords(long[] entries, int start, int end) {
        int n = 1;
        for (int k = start + 1; k < end; k++) {
            if (entries[k] != entries[k - 1]) n++;
        }
        return n;
    }

    private static void emitPairs(long[] entries, int start, int end, LongArrayList pairs) {
        for (int a = start; a < end; a++) {
            if (a > start && entries[a] == entries[a - 1]) continue;
            int i = (int) (entries[a] & INDEX_MASK);
            for (int b = a + 1; b < end; b++) {
                if (entries[b] == entries[b - 1]) continue;
                pairs.add(((long) i << 32) | (entries[b] & INDEX_MASK));
            }
        }
    }

    private static long[] unique(long[] sorted) {
        if (sorted.length == 0) return sorted;
        int n = 1;
        for (int k = 1; k < sorted.length; k++) {
            if (sorted[k] != sorted[n - 1]) sorted[n++] = sorted[k];
        }
        return Arrays.copyOf(sorted, n);
    }
}

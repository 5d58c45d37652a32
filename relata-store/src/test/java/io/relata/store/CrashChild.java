package io.relata.store;

import io.relata.core.model.RecordKey;

import java.time.Instant;

/** Run by {@link CrashDurabilityTest} in its own JVM: commits 100 records, sends 100 more uncommitted, waits to be killed. */
final class CrashChild {
    private CrashChild() {}

    public static void main(String[] args) throws Exception {
        RelataStore store = RelataStore.open(args[0]);
        try (StoreBatch b = store.begin()) {
            for (int i = 0; i < 100; i++) b.insertRecord(new StoredRecord(new RecordKey("C", "c" + i), i, "{}", "{}", 0), Instant.EPOCH);
            b.commit();
        }
        System.out.println("COMMITTED");
        System.out.flush();
        StoreBatch open = store.begin();
        for (int i = 100; i < 200; i++) open.insertRecord(new StoredRecord(new RecordKey("C", "c" + i), i, "{}", "{}", 0), Instant.EPOCH);
        store.counts(); // sends the pending rows to the database, inside the open transaction
        System.out.println("PENDING");
        System.out.flush();
        Thread.sleep(60_000);
    }
}

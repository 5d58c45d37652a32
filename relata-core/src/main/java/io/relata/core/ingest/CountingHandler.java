package io.relata.core.ingest;

import io.relata.core.model.Record;

/** Forwards to the caller's handler and counts, so that read = accepted + rejected by construction. */
final class CountingHandler implements RecordHandler {
    private final RecordHandler target;
    private long accepted;
    private long rejected;

    CountingHandler(RecordHandler target) {
        this.target = target;
    }

    @Override
    public void accept(Record record, long line) {
        accepted++;
        target.accept(record, line);
    }

    @Override
    public void reject(Reject reject) {
        rejected++;
        target.reject(reject);
    }

    LoadCounts counts() {
        return new LoadCounts(accepted + rejected, accepted, rejected);
    }
}

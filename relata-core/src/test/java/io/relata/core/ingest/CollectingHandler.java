package io.relata.core.ingest;

import io.relata.core.model.Record;
import java.util.ArrayList;
import java.util.List;

/** Keeps everything a reader reports, for assertions. */
final class CollectingHandler implements RecordHandler {
    final List<Record> records = new ArrayList<>();
    final List<Long> lines = new ArrayList<>();
    final List<Reject> rejects = new ArrayList<>();

    @Override
    public void accept(Record record, long line) {
        records.add(record);
        lines.add(line);
    }

    @Override
    public void reject(Reject reject) {
        rejects.add(reject);
    }
}

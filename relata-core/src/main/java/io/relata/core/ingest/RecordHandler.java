package io.relata.core.ingest;

import io.relata.core.model.Record;
import java.util.function.Consumer;

/** Receives what a reader makes of each record: exactly one call per record read, in file order. */
public interface RecordHandler {
    /** A record that passed validation; {@code line} is the physical line where it starts. */
    void accept(Record record, long line);

    void reject(Reject reject);

    /** A handler from two lambdas, for callers that do not care about line numbers. */
    static RecordHandler of(Consumer<Record> accepted, Consumer<Reject> rejected) {
        return new RecordHandler() {
            @Override
            public void accept(Record record, long line) {
                accepted.accept(record);
            }

            @Override
            public void reject(Reject reject) {
                rejected.accept(reject);
            }
        };
    }
}

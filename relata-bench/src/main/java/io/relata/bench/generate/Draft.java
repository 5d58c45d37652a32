package io.relata.bench.generate;

import io.relata.core.model.Record;

/** A record being written: relationships are added once every record of the chunk has its id. */
record Draft(SourceProfile source, String id, String entityId, Record.Builder builder) {}

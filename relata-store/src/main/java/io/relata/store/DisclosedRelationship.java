package io.relata.store;

import io.relata.core.model.RecordKey;

/** A relationship a record discloses to another record, e.g. A:1 EMPLOYED_BY ORG:7; role may be null. */
public record DisclosedRelationship(RecordKey from, String type, RecordKey to, String role) {}

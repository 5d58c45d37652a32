package io.relata.store;

import io.relata.core.model.RecordKey;

import java.util.List;

/** A dissemination and those of the records asked about that its copy held. */
public record Disclosure(Dissemination dissemination, List<RecordKey> records) {}

package io.relata.store;

import io.relata.core.model.RecordKey;

/** A record that is a subject of a case (a {@code case_record} row). */
public record CaseSubject(long caseId, RecordKey record) {}

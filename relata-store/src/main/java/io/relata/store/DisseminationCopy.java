package io.relata.store;

import io.relata.core.model.RecordKey;

import java.util.Set;

/**
 * What a recipient received: the content its PDF and HTML show (JSON), the two documents, and the records whose data
 * the copy holds (for the accounting of disclosures).
 */
public record DisseminationCopy(String content, byte[] pdf, byte[] html, Set<RecordKey> records) {}

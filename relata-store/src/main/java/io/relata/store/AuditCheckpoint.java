package io.relata.store;

import java.time.Instant;

/**
 * A checkpoint of the audit trail: the hash of entry {@code seq} again, with a MAC under a key kept outside the
 * database, so that a chain rewritten in the database no longer matches its checkpoints.
 *
 * @param mac HMAC-SHA256 of the seq and the hash, lower-case hex
 */
public record AuditCheckpoint(long seq, String hash, Instant at, String mac) {}

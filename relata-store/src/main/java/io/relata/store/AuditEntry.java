package io.relata.store;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the audit trail as stored: what was done (see {@code io.relata.app.audit.AuditEvent}) with its
 * place in the hash chain. Read back as the database holds it, so that verification can judge a row someone
 * altered: nothing is checked here.
 *
 * @param seq      its place in the trail: 1, 2, 3, ... with no gaps
 * @param caseId   null when no case applies
 * @param outcome  ALLOWED, DENIED or FAILED
 * @param objects  what was touched, such as {@code entity:123}; null when the stored text is not a JSON array of
 *                 strings (the row was altered)
 * @param prevHash the hash of entry {@code seq - 1} (64 zeros for the first), lower-case hex
 * @param hash     SHA-256 of {@code prevHash} and this entry's canonical form, lower-case hex
 */
public record AuditEntry(long seq, Instant at, String actor, String clientAddress, Long caseId, String purpose,
                         String action, String outcome, List<String> objects, int resultCount, String detail,
                         String prevHash, String hash) {}

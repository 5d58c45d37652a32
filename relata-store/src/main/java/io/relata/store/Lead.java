package io.relata.store;

import java.time.Instant;

/**
 * A stored lead (see {@link FoundLead} for what a scan gives).
 *
 * @param memberCount how many entities it involves
 * @param updatedAt   when a scan last found it, retired it or an analyst disposed of it
 * @param note        the analyst's note on the last disposition; null if none was made
 * @param disposedBy  who made the last disposition; it stays when the lead is retired and found again, so the
 *                    reopened lead shows what was decided before
 * @param disposedAt  when
 */
public record Lead(long id, String pattern, String key, double score, String evidence, String members, int memberCount,
                   LeadStatus status, Instant createdAt, Instant updatedAt, String note, String disposedBy,
                   Instant disposedAt) {}

package io.relata.store;

import java.time.Instant;

/**
 * One saved draft of a report, never changed after it is written but for its review.
 *
 * @param snapshot       the composed content frozen as JSON: what an approval approves and a dissemination renders
 * @param snapshotSha256 the SHA-256 of the snapshot's UTF-8 bytes, hex
 */
public record ReportVersion(long reportId, int version, String author, Instant createdAt, String snapshot,
                            String snapshotSha256, ReportStatus status, String reviewedBy, Instant reviewedAt,
                            String reviewNote) {}

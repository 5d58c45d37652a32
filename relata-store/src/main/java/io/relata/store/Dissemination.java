package io.relata.store;

import java.time.Instant;

/**
 * A report version sent to a partner organization: who sent it, when, for what purpose, under which sharing
 * agreement, the digests of the copy it sent, and its revocation if any.
 */
public record Dissemination(long id, long reportId, long caseId, String title, int version, String organization,
                            String purpose, String agreement, String sentBy, Instant sentAt, String pdfSha256,
                            String htmlSha256, String revokedBy, Instant revokedAt, String revokeReason) {
    public boolean revoked() {
        return revokedAt != null;
    }
}

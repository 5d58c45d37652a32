package io.relata.app.access;

import java.time.Instant;

/**
 * An API token a program signs in with, as its owner and administrators see it: everything but the token.
 *
 * @param name       what it is for, as its owner named it
 * @param expiresAt  when it stops working; null for never
 * @param revokedAt  when it was revoked; null while it is not
 * @param lastUsedAt when a program last signed in with it (to the minute); null if never
 */
public record ApiToken(long id, String username, String name, Instant createdAt, Instant expiresAt, Instant revokedAt,
                       Instant lastUsedAt) {
    /** Whether a program can sign in with it at {@code at}. */
    public boolean activeAt(Instant at) {
        return revokedAt == null && (expiresAt == null || at.isBefore(expiresAt));
    }
}

package io.relata.store;

import java.time.Instant;

/**
 * An API token as the store keeps it ({@link TokenStore}): the token only as its SHA-256 hex digest.
 *
 * @param name       what the token is for, as its owner named it
 * @param expiresAt  when it stops working; null for never
 * @param revokedAt  when it was revoked; null while it is not
 * @param lastUsedAt when a program last signed in with it; null if never
 */
public record StoredApiToken(long id, String username, String name, String tokenHash, Instant createdAt,
                             Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {}

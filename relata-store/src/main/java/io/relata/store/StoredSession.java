package io.relata.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A browser session as the store keeps it ({@link TokenStore}): the session and CSRF tokens only as their SHA-256
 * hex digests.
 *
 * @param lastSeenAt when it was last used: it ends when idle too long
 * @param expiresAt  when it ends however much it is used
 */
public record StoredSession(String tokenHash, String username, String csrfTokenHash, Instant createdAt,
                            Instant lastSeenAt, Instant expiresAt, String clientAddress) {
    public static final int MAX_CLIENT_ADDRESS_LENGTH = 100;

    public StoredSession {
        Checks.sha256Hex(tokenHash, "a session's token hash");
        Checks.text(username, "a session's user", UserStore.MAX_USERNAME_LENGTH);
        Checks.sha256Hex(csrfTokenHash, "a session's CSRF token hash");
        // what is read back is what was written: both databases keep microseconds
        createdAt = Jdbc.micros(Objects.requireNonNull(createdAt, "createdAt"));
        lastSeenAt = Jdbc.micros(Objects.requireNonNull(lastSeenAt, "lastSeenAt"));
        expiresAt = Jdbc.micros(Objects.requireNonNull(expiresAt, "expiresAt"));
        if (clientAddress != null && clientAddress.length() > MAX_CLIENT_ADDRESS_LENGTH) {
            clientAddress = clientAddress.substring(0, MAX_CLIENT_ADDRESS_LENGTH);
        }
    }
}

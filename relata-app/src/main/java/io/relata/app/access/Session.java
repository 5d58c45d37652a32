package io.relata.app.access;

import java.time.Instant;
import java.util.Objects;

/**
 * A browser session as it is handed out, once: its token (for an HttpOnly, SameSite, Secure cookie) and its CSRF
 * token (for the page to send back with every change). The store keeps only their digests. It ends at
 * {@code expiresAt}, or earlier after {@link Accounts#SESSION_IDLE} without use.
 */
public record Session(String token, String csrfToken, Instant expiresAt) {
    public Session {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Without the tokens: a session in a log must not be one anyone can use. */
    @Override
    public String toString() {
        return "Session[expiresAt=" + expiresAt + "]";
    }
}

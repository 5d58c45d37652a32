package io.relata.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The store's sign-in tokens ({@link RelataStore#tokens()}): browser sessions and API tokens, each kept only as the
 * SHA-256 hex digest of its token, so that a copy of the database signs nobody in. Each change is its own small
 * transaction, made outside any {@link StoreBatch}.
 */
public final class TokenStore {
    private static final String SESSION_COLUMNS = "token_hash, username, csrf_token_hash, created_at, last_seen_at, "
            + "expires_at, client_address";
    private static final String API_TOKEN_COLUMNS = "id, username, name, token_hash, created_at, expires_at, revoked_at, "
            + "last_used_at";

    private final RelataStore store;

    TokenStore(RelataStore store) {
        this.store = store;
    }

    // ----------------------------------------------------------------------------------------- sessions

    /** Stores a new session of an existing user. */
    public void openSession(StoredSession s) {
        Objects.requireNonNull(s, "session");
        store.write("a session of user '" + s.username() + "'", () -> {
            requireUser(s.username());
            try (PreparedStatement ps = store.connection().prepareStatement("INSERT INTO web_session (" + SESSION_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, s.tokenHash());
                ps.setString(2, s.username());
                ps.setString(3, s.csrfTokenHash());
                Jdbc.setInstant(ps, 4, s.createdAt());
                Jdbc.setInstant(ps, 5, s.lastSeenAt());
                Jdbc.setInstant(ps, 6, s.expiresAt());
                Jdbc.setString(ps, 7, s.clientAddress());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The session whose token has this digest, expired or not. */
    public Optional<StoredSession> session(String tokenHash) {
        Checks.sha256Hex(tokenHash, "a session's token hash");
        return store.read("a session", () -> sessions("WHERE token_hash = ?", ps -> ps.setString(1, tokenHash)))
                .stream().findFirst();
    }

    /** A user's sessions, oldest first. */
    public List<StoredSession> sessionsOf(String username) {
        return store.read("the sessions of user '" + username + "'", () -> sessions(
                "WHERE username = ? ORDER BY created_at, token_hash", ps -> ps.setString(1, username)));
    }

    /** Notes that a session was used at {@code at}. */
    public void touchSession(String tokenHash, Instant at) {
        Checks.sha256Hex(tokenHash, "a session's token hash");
        Objects.requireNonNull(at, "at");
        update("a session", "UPDATE web_session SET last_seen_at = ? WHERE token_hash = ?", ps -> {
            Jdbc.setInstant(ps, 1, at);
            ps.setString(2, tokenHash);
        });
    }

    /** Ends a session; false when there was none with this digest. */
    public boolean closeSession(String tokenHash) {
        Checks.sha256Hex(tokenHash, "a session's token hash");
        return update("a session", "DELETE FROM web_session WHERE token_hash = ?", ps -> ps.setString(1, tokenHash)) > 0;
    }

    /**
     * Deletes every session that has ended: expired at or before {@code now}, or last seen at or before
     * {@code idleSince}. Returns how many.
     */
    public int closeEndedSessions(Instant now, Instant idleSince) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(idleSince, "idleSince");
        return update("the ended sessions", "DELETE FROM web_session WHERE expires_at <= ? OR last_seen_at <= ?", ps -> {
            Jdbc.setInstant(ps, 1, now);
            Jdbc.setInstant(ps, 2, idleSince);
        });
    }

    // --------------------------------------------------------------------------------------- API tokens

    /** Stores a new API token of an existing user and returns it with its id; {@code expiresAt} null for never. */
    public StoredApiToken addApiToken(String username, String name, String tokenHash, Instant createdAt, Instant expiresAt) {
        Checks.text(name, "the name of an API token", UserStore.MAX_NAME_LENGTH);
        Checks.sha256Hex(tokenHash, "an API token's hash");
        Instant created = Jdbc.micros(createdAt == null ? Instant.now() : createdAt);
        Instant expires = Jdbc.micros(expiresAt);
        long id = store.write("an API token of user '" + username + "'", () -> {
            requireUser(username);
            return Jdbc.insertReturningId(store.connection(), "INSERT INTO api_token (username, name, token_hash, "
                    + "created_at, expires_at) VALUES (?, ?, ?, ?, ?)", ps -> {
                        ps.setString(1, username);
                        ps.setString(2, name);
                        ps.setString(3, tokenHash);
                        Jdbc.setInstant(ps, 4, created);
                        Jdbc.setInstant(ps, 5, expires);
                    });
        });
        return new StoredApiToken(id, username, name, tokenHash, created, expires, null, null);
    }

    public Optional<StoredApiToken> apiToken(long id) {
        return store.read("API token " + id, () -> apiTokens("WHERE id = ?", ps -> ps.setLong(1, id))).stream().findFirst();
    }

    /** The API token with this digest, revoked or expired or not. */
    public Optional<StoredApiToken> apiTokenByHash(String tokenHash) {
        Checks.sha256Hex(tokenHash, "an API token's hash");
        return store.read("an API token", () -> apiTokens("WHERE token_hash = ?", ps -> ps.setString(1, tokenHash)))
                .stream().findFirst();
    }

    /** A user's API tokens, revoked ones included, oldest first. */
    public List<StoredApiToken> apiTokensOf(String username) {
        return store.read("the API tokens of user '" + username + "'", () -> apiTokens("WHERE username = ? ORDER BY id",
                ps -> ps.setString(1, username)));
    }

    /** Notes that a program signed in with the token at {@code at}. */
    public void touchApiToken(long id, Instant at) {
        Objects.requireNonNull(at, "at");
        update("API token " + id, "UPDATE api_token SET last_used_at = ? WHERE id = ?", ps -> {
            Jdbc.setInstant(ps, 1, at);
            ps.setLong(2, id);
        });
    }

    /**
     * Revokes a token for good; false when it was revoked already (it keeps its first revocation time). No such
     * token is a StoreException.
     */
    public boolean revokeApiToken(long id, Instant at) {
        Objects.requireNonNull(at, "at");
        return store.write("API token " + id, () -> {
            try (PreparedStatement ps = store.connection().prepareStatement(
                    "UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
                Jdbc.setInstant(ps, 1, at);
                ps.setLong(2, id);
                if (ps.executeUpdate() > 0) return true;
            }
            try (PreparedStatement ps = store.connection().prepareStatement("SELECT 1 FROM api_token WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) throw new StoreNotFoundException("no API token " + id);
                }
            }
            return false;
        });
    }

    // ------------------------------------------------------------------------------------------ plumbing

    private int update(String what, String sql, Jdbc.Binder binder) {
        return store.write(what, () -> {
            try (PreparedStatement ps = store.connection().prepareStatement(sql)) {
                binder.bind(ps);
                return ps.executeUpdate();
            }
        });
    }

    private void requireUser(String username) throws SQLException {
        try (PreparedStatement ps = store.connection().prepareStatement("SELECT 1 FROM app_user WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new StoreNotFoundException("no user '" + username + "'");
            }
        }
    }

    private List<StoredSession> sessions(String tail, Jdbc.Binder binder) throws SQLException {
        return Jdbc.list(store.connection(), "SELECT " + SESSION_COLUMNS + " FROM web_session " + tail, binder,
                rs -> new StoredSession(rs.getString(1), rs.getString(2), rs.getString(3), Jdbc.getInstant(rs, 4),
                        Jdbc.getInstant(rs, 5), Jdbc.getInstant(rs, 6), rs.getString(7)));
    }

    private List<StoredApiToken> apiTokens(String tail, Jdbc.Binder binder) throws SQLException {
        return Jdbc.list(store.connection(), "SELECT " + API_TOKEN_COLUMNS + " FROM api_token " + tail, binder,
                rs -> new StoredApiToken(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Jdbc.getInstant(rs, 5), Jdbc.getInstant(rs, 6), Jdbc.getInstant(rs, 7), Jdbc.getInstant(rs, 8)));
    }
}

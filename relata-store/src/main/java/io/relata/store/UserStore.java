package io.relata.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The store's user accounts ({@link RelataStore#users()}): who may sign in, with which roles, extra permissions
 * and clearances, when they last completed privacy training, and their failed sign-ins. Which names are valid
 * and what they allow is the application's business; the store keeps them. Each change is its own small
 * transaction, made outside any {@link StoreBatch}.
 */
public final class UserStore {
    public static final int MAX_USERNAME_LENGTH = 64;
    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_HASH_LENGTH = 200;
    /** A role, permission or access label. */
    public static final int MAX_LABEL_LENGTH = 40;
    private static final String COLUMNS = "username, display_name, password_hash, organization, training_completed, "
            + "failed_logins, locked_until, disabled, created_at";

    /** A user's set-valued attributes: one table each, (username, value). */
    private enum Grant {
        ROLE("user_role", "role", "role"), PERMISSION("user_permission", "permission", "permission"),
        CLEARANCE("user_clearance", "access_label", "clearance");

        final String table;
        final String column;
        final String what;

        Grant(String table, String column, String what) {
            this.table = table;
            this.column = column;
            this.what = what;
        }
    }

    private final RelataStore store;

    UserStore(RelataStore store) {
        this.store = store;
    }

    /**
     * Adds an account that may sign in with the password {@code passwordHash} was made from. A user name already
     * taken is a StoreException; {@code at} null means now.
     */
    public StoredUser create(String username, String displayName, String passwordHash, String organization,
                             Set<String> roles, Instant at) {
        Checks.text(username, "a user name", MAX_USERNAME_LENGTH);
        Checks.text(displayName, "the display name of user '" + username + "'", MAX_NAME_LENGTH);
        Checks.text(passwordHash, "the password hash of user '" + username + "'", MAX_HASH_LENGTH);
        if (organization != null) Checks.text(organization, "the organization of user '" + username + "'", MAX_NAME_LENGTH);
        checkLabels(roles, "a role of user '" + username + "'");
        Instant when = Jdbc.micros(at == null ? Instant.now() : at);
        store.write("user '" + username + "'", () -> {
            if (exists(username)) throw new StoreConflictException("a user named '" + username + "' already exists");
            try (PreparedStatement ps = store.connection().prepareStatement("INSERT INTO app_user (username, "
                    + "display_name, password_hash, organization, failed_logins, disabled, created_at) "
                    + "VALUES (?, ?, ?, ?, 0, FALSE, ?)")) {
                ps.setString(1, username);
                ps.setString(2, displayName);
                ps.setString(3, passwordHash);
                Jdbc.setString(ps, 4, organization);
                Jdbc.setInstant(ps, 5, when);
                ps.executeUpdate();
            }
            insertGrants(Grant.ROLE, username, roles);
            return null;
        });
        return new StoredUser(username, displayName, passwordHash, organization, null, 0, null, false, when, roles,
                Set.of(), Set.of());
    }

    public Optional<StoredUser> get(String username) {
        return store.read("user '" + username + "'", () -> users("WHERE username = ?", ps -> ps.setString(1, username),
                " WHERE username = ?", ps -> ps.setString(1, username))).stream().findFirst();
    }

    /** Every account, disabled ones included, by user name (code-point order on both databases). */
    public List<StoredUser> list() {
        List<StoredUser> out = store.read("the users", () -> users("", ps -> {}, "", ps -> {}));
        out.sort(Comparator.comparing(StoredUser::username));
        return out;
    }

    /** Replaces the password hash: a new password, or the same one hashed with stronger parameters. */
    public void setPasswordHash(String username, String passwordHash) {
        Checks.text(passwordHash, "the password hash of user '" + username + "'", MAX_HASH_LENGTH);
        update(username, "password_hash = ?", ps -> ps.setString(1, passwordHash));
    }

    /** Replaces the user's roles. */
    public void setRoles(String username, Set<String> roles) {
        replaceGrants(Grant.ROLE, username, roles);
    }

    /** Replaces the user's extra permissions. */
    public void setPermissions(String username, Set<String> permissions) {
        replaceGrants(Grant.PERMISSION, username, permissions);
    }

    /** Replaces the access labels the user is cleared for. */
    public void setClearances(String username, Set<String> accessLabels) {
        replaceGrants(Grant.CLEARANCE, username, accessLabels);
    }

    /** Records the day the user last completed privacy training. */
    public void setTrainingCompleted(String username, LocalDate completed) {
        Objects.requireNonNull(completed, "completed");
        update(username, "training_completed = ?", ps -> Jdbc.setDate(ps, 1, completed));
    }

    /** Disables the account and ends its browser sessions, in one transaction. The row stays. */
    public void disable(String username) {
        store.write("user '" + username + "'", () -> {
            if (updateRow(username, "disabled = TRUE", ps -> {}) == 0) throw new StoreNotFoundException("no user '" + username + "'");
            try (PreparedStatement ps = store.connection().prepareStatement("DELETE FROM web_session WHERE username = ?")) {
                ps.setString(1, username);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Counts a failed sign-in and returns how many there have been since the last successful one. */
    public int recordFailedLogin(String username) {
        return store.write("the failed sign-ins of user '" + username + "'", () -> {
            if (updateRow(username, "failed_logins = failed_logins + 1", ps -> {}) == 0) {
                throw new StoreNotFoundException("no user '" + username + "'");
            }
            try (PreparedStatement ps = store.connection().prepareStatement(
                    "SELECT failed_logins FROM app_user WHERE username = ?")) {
                ps.setString(1, username);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** Locks the account until {@code until}: no sign-in succeeds before then. */
    public void lock(String username, Instant until) {
        Objects.requireNonNull(until, "until");
        update(username, "locked_until = ?", ps -> Jdbc.setInstant(ps, 1, until));
    }

    /** A successful sign-in: no failed ones since, and no lockout. */
    public void recordSuccessfulLogin(String username) {
        update(username, "failed_logins = 0, locked_until = NULL", ps -> {});
    }

    // ------------------------------------------------------------------------------------------ plumbing

    private void update(String username, String set, Jdbc.Binder binder) {
        int n = store.write("user '" + username + "'", () -> updateRow(username, set, binder));
        if (n == 0) throw new StoreNotFoundException("no user '" + username + "'");
    }

    /** Inside a write: the binder sets the SET's parameters, the user name comes after them. */
    private int updateRow(String username, String set, Jdbc.Binder binder) throws SQLException {
        String sql = "UPDATE app_user SET " + set + " WHERE username = ?";
        try (PreparedStatement ps = store.connection().prepareStatement(sql)) {
            binder.bind(ps);
            ps.setString((int) set.chars().filter(c -> c == '?').count() + 1, username);
            return ps.executeUpdate();
        }
    }

    private void replaceGrants(Grant grant, String username, Set<String> values) {
        checkLabels(values, "a " + grant.what + " of user '" + username + "'");
        store.write("the " + grant.what + "s of user '" + username + "'", () -> {
            if (!exists(username)) throw new StoreNotFoundException("no user '" + username + "'");
            try (PreparedStatement ps = store.connection().prepareStatement(
                    "DELETE FROM " + grant.table + " WHERE username = ?")) {
                ps.setString(1, username);
                ps.executeUpdate();
            }
            insertGrants(grant, username, values);
            return null;
        });
    }

    private void insertGrants(Grant grant, String username, Set<String> values) throws SQLException {
        if (values.isEmpty()) return;
        try (PreparedStatement ps = store.connection().prepareStatement(
                "INSERT INTO " + grant.table + " (username, " + grant.column + ") VALUES (?, ?)")) {
            for (String v : values) {
                ps.setString(1, username);
                ps.setString(2, v);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void checkLabels(Set<String> values, String what) {
        Objects.requireNonNull(values, what);
        for (String v : values) Checks.text(v, what, MAX_LABEL_LENGTH);
    }

    private boolean exists(String username) throws SQLException {
        try (PreparedStatement ps = store.connection().prepareStatement("SELECT 1 FROM app_user WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The users a WHERE selects, with their grants (read with the same condition on the grant tables). */
    private List<StoredUser> users(String where, Jdbc.Binder binder, String grantWhere, Jdbc.Binder grantBinder)
            throws SQLException {
        Map<Grant, Map<String, Set<String>>> grants = new HashMap<>();
        for (Grant g : Grant.values()) {
            Map<String, Set<String>> byUser = new HashMap<>();
            try (PreparedStatement ps = store.connection().prepareStatement(
                    "SELECT username, " + g.column + " FROM " + g.table + grantWhere)) {
                grantBinder.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) byUser.computeIfAbsent(rs.getString(1), u -> new HashSet<>()).add(rs.getString(2));
                }
            }
            grants.put(g, byUser);
        }
        List<StoredUser> out = new ArrayList<>();
        try (PreparedStatement ps = store.connection().prepareStatement("SELECT " + COLUMNS + " FROM app_user " + where)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String username = rs.getString(1);
                    out.add(new StoredUser(username, rs.getString(2), rs.getString(3), rs.getString(4),
                            Jdbc.getDate(rs, 5), rs.getInt(6), Jdbc.getInstant(rs, 7), rs.getBoolean(8),
                            Jdbc.getInstant(rs, 9), grants.get(Grant.ROLE).get(username),
                            grants.get(Grant.PERMISSION).get(username), grants.get(Grant.CLEARANCE).get(username)));
                }
            }
        }
        return out;
    }
}

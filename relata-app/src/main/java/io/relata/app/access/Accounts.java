package io.relata.app.access;

import io.relata.app.NotFoundException;
import io.relata.app.audit.AuditEvent;
import io.relata.app.audit.AuditEvent.Outcome;
import io.relata.store.RelataStore;
import io.relata.store.StoredApiToken;
import io.relata.store.StoredSession;
import io.relata.store.StoredUser;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Local accounts and how people and programs sign in: users with roles, extra permissions, clearances and privacy
 * training; passwords (Argon2id) with lockout after repeated failures; browser sessions with a CSRF token; API
 * tokens. No secret is stored or audited: passwords as hashes, tokens as SHA-256 digests.
 *
 * <p>Every sign-in, failed sign-in, lockout, sign-out, token creation or revocation and every change to a user
 * goes to the audit consumer, with the objects it touched as {@code user:NAME} (and {@code token:ID}):
 * {@code auth.login}, {@code auth.login.failed} (FAILED; the detail says why, the exception does not),
 * {@code auth.locked} (by {@code system}), {@code auth.logout}, {@code auth.token.created},
 * {@code auth.token.revoked}, {@code user.created}, {@code user.roles.changed}, {@code user.permissions.changed},
 * {@code user.clearances.changed}, {@code user.training.recorded}, {@code user.disabled}. A change is audited after
 * it is stored. Before sign-in the actor is {@code anonymous}.
 *
 * <p>Works on the store's one connection, so like the store it is for one thread at a time.
 */
public final class Accounts {
    public static final int MIN_PASSWORD_LENGTH = 12;
    public static final int MAX_PASSWORD_LENGTH = 1024;
    /** Consecutive failed sign-ins that lock an account; each further such run locks it twice as long. */
    public static final int MAX_FAILED_LOGINS = 5;
    public static final Duration LOCKOUT = Duration.ofMinutes(15);
    static final Duration MAX_LOCKOUT = Duration.ofHours(24);
    public static final Duration SESSION_IDLE = Duration.ofMinutes(30);
    public static final Duration SESSION_MAX = Duration.ofHours(12);
    /** Last use is written at most once a minute, not on every request (so idle time is known to the minute). */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    public static final String API_TOKEN_PREFIX = "rlt_";
    static final String ANONYMOUS = "anonymous";
    static final String SYSTEM = "system";
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{2,64}");
    private static final Pattern ACCESS_LABEL = Pattern.compile("[A-Z0-9_-]{1,40}");
    /** Longer than any token handed out; anything longer is not looked up. */
    private static final int MAX_TOKEN_LENGTH = 100;
    /**
     * A hash of a password nobody knows, with today's parameters: a sign-in as an unknown user verifies against it,
     * so that it takes as long as one with a wrong password and does not tell which user names exist.
     */
    private static final String UNKNOWN_USER_HASH =
            "$argon2id$v=19$m=19456,t=2,p=1$cUNPTnlJSElYWVNFRDFYcw$mOQEzqcrcvzTA74oHITTdV3vX4HGtkB7h2KAQwHRt1c";

    private final RelataStore store;
    private final Consumer<AuditEvent> audit;
    private final Clock clock;
    private final PasswordHasher hasher = new PasswordHasher();

    /** {@code clock} tells lockouts, session and token expiry and training validity their time. */
    public Accounts(RelataStore store, Consumer<AuditEvent> audit, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Accounts(RelataStore store, Consumer<AuditEvent> audit) {
        this(store, audit, Clock.systemUTC());
    }

    // ------------------------------------------------------------------------------------------- users

    /**
     * Adds an account. The user name is 2 to 64 of {@code a-z 0-9 . _ -}; the password has at least
     * {@value #MIN_PASSWORD_LENGTH} characters and is not the user name; a PARTNER needs its organization and no
     * other role. The caller still owns {@code password} (and should clear it). Bad input is an
     * IllegalArgumentException that says what to change.
     */
    public User createUser(String username, String displayName, Set<Role> roles, char[] password, String organization,
                           String actor) {
        checkActor(actor);
        checkUsername(username);
        String org = organization == null || organization.isBlank() ? null : organization.strip();
        checkRoles(username, roles, org);
        checkPassword(username, password);
        if (store.users().get(username).isPresent()) {
            throw new IllegalArgumentException("a user named '" + username + "' already exists");
        }
        String name = displayName == null || displayName.isBlank() ? username : displayName.strip();
        StoredUser created = store.users().create(username, name, hasher.hash(password), org, names(roles),
                clock.instant());
        emit(actor, null, "user.created", Outcome.ALLOWED, List.of(object(username)),
                "roles " + list(roles) + (org == null ? "" : "; organization " + org));
        return user(created);
    }

    /** Every account, disabled ones included, by user name. */
    public List<User> users() {
        return store.users().list().stream().map(Accounts::user).toList();
    }

    public Optional<User> user(String username) {
        return username == null ? Optional.empty() : store.users().get(username).map(Accounts::user);
    }

    /** Replaces the user's roles (a PARTNER keeps only that role, and needs an organization). */
    public void setRoles(String username, Set<Role> roles, String actor) {
        checkActor(actor);
        StoredUser u = account(username);
        checkRoles(username, roles, u.organization());
        store.users().setRoles(username, names(roles));
        emit(actor, null, "user.roles.changed", Outcome.ALLOWED, List.of(object(username)),
                list(u.roles()) + " -> " + list(roles));
    }

    /** Replaces the user's extra permissions (none is an empty set). */
    public void setPermissions(String username, Set<Permission> permissions, String actor) {
        checkActor(actor);
        Objects.requireNonNull(permissions, "permissions");
        StoredUser u = account(username);
        store.users().setPermissions(username, names(permissions));
        emit(actor, null, "user.permissions.changed", Outcome.ALLOWED, List.of(object(username)),
                list(u.permissions()) + " -> " + list(permissions));
    }

    /**
     * Replaces the source access labels the user is cleared for (such as INTERNAL); labels are read in upper
     * case, 1 to 40 of {@code A-Z 0-9 _ -}.
     */
    public void setClearances(String username, Set<String> accessLabels, String actor) {
        checkActor(actor);
        Objects.requireNonNull(accessLabels, "accessLabels");
        Set<String> labels = new TreeSet<>();
        for (String label : accessLabels) {
            String l = label == null ? "" : label.strip().toUpperCase(Locale.ROOT);
            if (!ACCESS_LABEL.matcher(l).matches()) {
                throw new IllegalArgumentException("an access label is 1 to 40 letters, digits, '_' or '-', not '"
                        + label + "'");
            }
            labels.add(l);
        }
        StoredUser u = account(username);
        store.users().setClearances(username, labels);
        emit(actor, null, "user.clearances.changed", Outcome.ALLOWED, List.of(object(username)),
                list(u.clearances()) + " -> " + list(labels));
    }

    /** Records the day the user completed privacy training: it counts for {@value User#TRAINING_VALID_DAYS} days more. */
    public void recordTraining(String username, LocalDate completed, String actor) {
        checkActor(actor);
        Objects.requireNonNull(completed, "completed");
        if (completed.isAfter(LocalDate.now(clock))) {
            throw new IllegalArgumentException("training cannot be completed in the future (" + completed + ")");
        }
        account(username);
        store.users().setTrainingCompleted(username, completed);
        emit(actor, null, "user.training.recorded", Outcome.ALLOWED, List.of(object(username)), "completed " + completed);
    }

    /**
     * Disables an account: it can no longer sign in, its sessions end and its API tokens stop working. Its rows
     * stay, for the audit trail. Disabling a disabled account changes nothing.
     */
    public void disable(String username, String actor) {
        checkActor(actor);
        if (account(username).disabled()) return;
        store.users().disable(username);
        emit(actor, null, "user.disabled", Outcome.ALLOWED, List.of(object(username)), null);
    }

    // ------------------------------------------------------------------------------------ signing in

    /**
     * The user whose name and password these are. Any failure (no such user, a wrong password, a disabled or
     * locked account) is the same AuthenticationException; the audit event says which. After
     * {@value #MAX_FAILED_LOGINS} wrong passwords in a row the account is locked for {@link #LOCKOUT}, then twice
     * as long after each further {@value #MAX_FAILED_LOGINS}; a successful sign-in starts the count again. The user
     * name is read in lower case. The caller still owns {@code password}.
     */
    public User authenticate(String username, char[] password, String clientAddress) {
        Instant now = clock.instant();
        char[] given = password == null ? new char[0] : password;
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        Optional<StoredUser> found = USERNAME.matcher(name).matches() ? store.users().get(name) : Optional.empty();
        if (found.isEmpty()) {
            hasher.verify(given, UNKNOWN_USER_HASH);
            // the name typed is not kept: people type their password into the name field
            emit(ANONYMOUS, clientAddress, "auth.login.failed", Outcome.FAILED, List.of(), "unknown user name");
            throw new AuthenticationException();
        }
        StoredUser u = found.get();
        boolean correct = hasher.verify(given, u.passwordHash());
        List<String> objects = List.of(object(name));
        if (u.disabled()) {
            emit(ANONYMOUS, clientAddress, "auth.login.failed", Outcome.FAILED, objects, "account disabled");
            throw new AuthenticationException();
        }
        if (u.lockedUntil() != null && now.isBefore(u.lockedUntil())) {
            // not counted, and the password not judged: a guess during a lockout learns nothing
            emit(ANONYMOUS, clientAddress, "auth.login.failed", Outcome.FAILED, objects, "account locked until " + u.lockedUntil());
            throw new AuthenticationException();
        }
        if (!correct) {
            int failures = store.users().recordFailedLogin(name);
            emit(ANONYMOUS, clientAddress, "auth.login.failed", Outcome.FAILED, objects,
                    "wrong password (" + failures + " failed in a row)");
            if (failures % MAX_FAILED_LOGINS == 0) {
                Instant until = now.plus(lockout(failures));
                store.users().lock(name, until);
                emit(SYSTEM, clientAddress, "auth.locked", Outcome.ALLOWED, objects,
                        failures + " failed sign-ins in a row; locked until " + until);
            }
            throw new AuthenticationException();
        }
        if (u.failedLogins() > 0 || u.lockedUntil() != null) store.users().recordSuccessfulLogin(name);
        if (hasher.needsRehash(u.passwordHash())) store.users().setPasswordHash(name, hasher.hash(given));
        emit(name, clientAddress, "auth.login", Outcome.ALLOWED, objects, null);
        return user(u);
    }

    /** 15 minutes at the 5th failure in a row, 30 at the 10th, 60 at the 15th... at most a day. */
    static Duration lockout(int failures) {
        int doublings = Math.min(failures / MAX_FAILED_LOGINS - 1, 10);
        Duration d = LOCKOUT.multipliedBy(1L << Math.max(0, doublings));
        return d.compareTo(MAX_LOCKOUT) > 0 ? MAX_LOCKOUT : d;
    }

    /**
     * Opens a browser session for a user who has just signed in. It ends after {@link #SESSION_IDLE} without use
     * and at the latest after {@link #SESSION_MAX}. Sessions that have ended are cleared out here.
     */
    public Session openSession(User user, String clientAddress) {
        Objects.requireNonNull(user, "user");
        if (account(user.username()).disabled()) {
            throw new IllegalArgumentException("user '" + user.username() + "' is disabled and cannot have a session");
        }
        Instant now = clock.instant();
        store.tokens().closeEndedSessions(now, now.minus(SESSION_IDLE));
        String token = BearerTokens.random();
        String csrf = BearerTokens.random();
        StoredSession s = new StoredSession(BearerTokens.digest(token), user.username(), BearerTokens.digest(csrf), now,
                now, now.plus(SESSION_MAX), clientAddress);
        store.tokens().openSession(s);
        return new Session(token, csrf, s.expiresAt());
    }

    /**
     * The user of a live session, read afresh (so role changes count at once); empty for an unknown, ended or
     * disabled user's session. A session that has ended is deleted; a live one is noted as used.
     */
    public Optional<User> session(String token) {
        if (!plausible(token)) return Optional.empty();
        String digest = BearerTokens.digest(token);
        Optional<StoredSession> found = store.tokens().session(digest);
        if (found.isEmpty()) return Optional.empty();
        StoredSession s = found.get();
        Instant now = clock.instant();
        Optional<StoredUser> u = store.users().get(s.username());
        if (!now.isBefore(s.expiresAt()) || !now.isBefore(s.lastSeenAt().plus(SESSION_IDLE))
                || u.isEmpty() || u.get().disabled()) {
            store.tokens().closeSession(digest);
            return Optional.empty();
        }
        if (!now.isBefore(s.lastSeenAt().plus(TOUCH_EVERY))) store.tokens().touchSession(digest, now);
        return Optional.of(user(u.get()));
    }

    /** Whether {@code csrfToken} is the CSRF token of the session, compared in constant time. */
    public boolean checkCsrf(String sessionToken, String csrfToken) {
        if (!plausible(sessionToken) || !plausible(csrfToken)) return false;
        return store.tokens().session(BearerTokens.digest(sessionToken))
                .map(s -> BearerTokens.sameDigest(BearerTokens.digest(csrfToken), s.csrfTokenHash()))
                .orElse(false);
    }

    /** Signs out: the session ends. An unknown or ended session is nothing to do. */
    public void closeSession(String token) {
        closeSession(token, null);
    }

    /** Signs out from {@code clientAddress}, for the audit trail. */
    public void closeSession(String token, String clientAddress) {
        if (!plausible(token)) return;
        String digest = BearerTokens.digest(token);
        Optional<StoredSession> s = store.tokens().session(digest);
        if (s.isPresent() && store.tokens().closeSession(digest)) {
            String name = s.get().username();
            emit(name, clientAddress, "auth.logout", Outcome.ALLOWED, List.of(object(name)), null);
        }
    }

    // ------------------------------------------------------------------------------------- API tokens

    /**
     * A new API token for the user, valid until {@code expiresAt} (null for until revoked). The token itself
     * ({@code rlt_...}) is in the result this once; only its digest is stored.
     */
    public IssuedApiToken createApiToken(User user, String name, Instant expiresAt, String actor) {
        checkActor(actor);
        Objects.requireNonNull(user, "user");
        if (name == null || name.isBlank()) throw new IllegalArgumentException("an API token needs a name (what it is for)");
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new IllegalArgumentException("an API token must expire in the future, not at " + expiresAt);
        }
        if (account(user.username()).disabled()) {
            throw new IllegalArgumentException("user '" + user.username() + "' is disabled and cannot have API tokens");
        }
        String secret = API_TOKEN_PREFIX + BearerTokens.random();
        StoredApiToken t = store.tokens().addApiToken(user.username(), name.strip(), BearerTokens.digest(secret), now,
                expiresAt);
        emit(actor, null, "auth.token.created", Outcome.ALLOWED, List.of(object(user.username()), "token:" + t.id()),
                "'" + t.name() + "'" + (expiresAt == null ? ", no expiry" : ", expires " + t.expiresAt()));
        return new IssuedApiToken(apiToken(t), secret);
    }

    /** The user a program signs in as with this token; empty for an unknown, revoked or expired token or a disabled user. */
    public Optional<User> authenticateToken(String token) {
        if (!plausible(token) || !token.startsWith(API_TOKEN_PREFIX)) return Optional.empty();
        Optional<StoredApiToken> found = store.tokens().apiTokenByHash(BearerTokens.digest(token));
        Instant now = clock.instant();
        if (found.isEmpty() || !apiToken(found.get()).activeAt(now)) return Optional.empty();
        StoredApiToken t = found.get();
        Optional<StoredUser> u = store.users().get(t.username());
        if (u.isEmpty() || u.get().disabled()) return Optional.empty();
        if (t.lastUsedAt() == null || !now.isBefore(t.lastUsedAt().plus(TOUCH_EVERY))) {
            store.tokens().touchApiToken(t.id(), now);
        }
        return Optional.of(user(u.get()));
    }

    /** Revokes an API token for good; revoking it again changes nothing. */
    public void revokeToken(long id, String actor) {
        checkActor(actor);
        StoredApiToken t = store.tokens().apiToken(id).orElseThrow(() -> new NotFoundException("no API token " + id));
        if (store.tokens().revokeApiToken(id, clock.instant())) {
            emit(actor, null, "auth.token.revoked", Outcome.ALLOWED, List.of(object(t.username()), "token:" + id),
                    "'" + t.name() + "'");
        }
    }

    /** A user's API tokens, revoked and expired ones included, oldest first. */
    public List<ApiToken> tokens(String username) {
        return store.tokens().apiTokensOf(username).stream().map(Accounts::apiToken).toList();
    }

    // -------------------------------------------------------------------------------------- plumbing

    private StoredUser account(String username) {
        return (username == null ? Optional.<StoredUser>empty() : store.users().get(username))
                .orElseThrow(() -> new NotFoundException("no user '" + username + "'"));
    }

    private void emit(String actor, String clientAddress, String action, Outcome outcome, List<String> objects,
                      String detail) {
        audit.accept(new AuditEvent(clock.instant(), actor, clientAddress, null, null, action, outcome, objects, 0, detail));
    }

    private static String object(String username) {
        return "user:" + username;
    }

    /** Could be a token we handed out: anything else is not worth a digest and a query. */
    private static boolean plausible(String token) {
        return token != null && !token.isBlank() && token.length() <= MAX_TOKEN_LENGTH;
    }

    private static void checkActor(String actor) {
        if (actor == null || actor.isBlank()) throw new IllegalArgumentException("who is acting must be given (for the audit trail)");
    }

    static void checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("a user name is 2 to 64 lower-case letters, digits, '.', '_' or '-', not '"
                    + username + "'");
        }
    }

    private static void checkRoles(String username, Set<Role> roles, String organization) {
        if (roles == null || roles.isEmpty()) throw new IllegalArgumentException("user '" + username + "' needs a role");
        if (roles.contains(Role.PARTNER)) {
            if (roles.size() > 1) {
                throw new IllegalArgumentException("user '" + username + "': a PARTNER (outside agency) account "
                        + "cannot hold other roles");
            }
            if (organization == null) {
                throw new IllegalArgumentException("user '" + username + "': a PARTNER account needs its organization");
            }
        }
    }

    /** The password policy: long enough, not absurdly long, not the user name. Never says what the password is. */
    static void checkPassword(String username, char[] password) {
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("a password needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.length > MAX_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("a password may have at most " + MAX_PASSWORD_LENGTH + " characters");
        }
        if (username != null && sameIgnoringCase(password, username)) {
            throw new IllegalArgumentException("a password cannot be the user name");
        }
    }

    /** Compared without making the password a String, which would stay in memory until collected. */
    private static boolean sameIgnoringCase(char[] password, String text) {
        if (password.length != text.length()) return false;
        for (int i = 0; i < password.length; i++) {
            if (Character.toLowerCase(password[i]) != Character.toLowerCase(text.charAt(i))) return false;
        }
        return true;
    }

    private static Set<String> names(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String list(Collection<?> values) {
        return values.isEmpty() ? "(none)" : values.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    static User user(StoredUser u) {
        return new User(u.username(), u.displayName(), known(Role.class, u.roles()),
                known(Permission.class, u.permissions()), u.clearances(), u.organization(), u.trainingCompleted(),
                u.disabled());
    }

    /** The names this version knows: a role or permission stored by another version grants nothing here. */
    private static <E extends Enum<E>> Set<E> known(Class<E> type, Set<String> names) {
        EnumSet<E> out = EnumSet.noneOf(type);
        for (E v : type.getEnumConstants()) {
            if (names.contains(v.name())) out.add(v);
        }
        return out;
    }

    private static ApiToken apiToken(StoredApiToken t) {
        return new ApiToken(t.id(), t.username(), t.name(), t.createdAt(), t.expiresAt(), t.revokedAt(), t.lastUsedAt());
    }
}

package io.relata.app.access;

import io.relata.app.NotFoundException;
import io.relata.app.audit.AuditEvent;
import io.relata.app.audit.AuditEvent.Outcome;
import io.relata.store.RelataStore;
import io.relata.store.StoredSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Accounts on an embedded H2 store, with a clock the tests move. */
class AccountsTest {
    static final Instant START = Instant.parse("2026-12-01T09:00:00Z");
    static final String PASSWORD = "harbor-lights-2026";
    static final String ADMIN = "root.admin";

    @TempDir
    Path dir;
    RelataStore store;
    MutableClock clock;
    final List<AuditEvent> events = new ArrayList<>();
    Accounts accounts;

    @BeforeEach
    void open() {
        store = RelataStore.open(dir.resolve("store").toString());
        clock = new MutableClock(START);
        accounts = new Accounts(store, events::add, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    User ana() {
        return accounts.createUser("ana", "Ana Ruiz", Set.of(Role.ANALYST), PASSWORD.toCharArray(), null, ADMIN);
    }

    User signIn(String username, String password) {
        return accounts.authenticate(username, password.toCharArray(), "10.0.0.7");
    }

    void failSignIn(String username, String password) {
        assertThatThrownBy(() -> signIn(username, password)).isInstanceOf(AuthenticationException.class)
                .hasMessage(AuthenticationException.MESSAGE);
    }

    AuditEvent last() {
        return events.get(events.size() - 1);
    }

    List<String> actions() {
        return events.stream().map(AuditEvent::action).toList();
    }

    static AuditEvent event(Instant at, String actor, String address, String action, Outcome outcome, String detail,
                            String... objects) {
        return new AuditEvent(at, actor, address, null, null, action, outcome, List.of(objects), 0, detail);
    }

    @Test
    void createsAUserWhoSignsInWithTheirPassword() {
        User ana = ana();
        assertThat(ana).isEqualTo(new User("ana", "Ana Ruiz", Set.of(Role.ANALYST), Set.of(), Set.of(), null, null, false));
        assertThat(events).containsExactly(event(START, ADMIN, null, "user.created", Outcome.ALLOWED, "roles ANALYST",
                "user:ana"));

        clock.advance(Duration.ofSeconds(5));
        assertThat(signIn("ana", PASSWORD)).isEqualTo(ana);
        assertThat(last()).isEqualTo(event(START.plusSeconds(5), "ana", "10.0.0.7", "auth.login", Outcome.ALLOWED, null,
                "user:ana"));
        assertThat(signIn(" Ana ", PASSWORD)).isEqualTo(ana); // people type their name as they like
        assertThat(accounts.user("ana")).contains(ana);
        assertThat(accounts.user("nobody")).isEmpty();
        assertThat(store.users().get("ana").orElseThrow().passwordHash()).startsWith("$argon2id$").doesNotContain(PASSWORD);

        User partner = accounts.createUser("bo", null, Set.of(Role.PARTNER), PASSWORD.toCharArray(), " Harbor Police ", ADMIN);
        assertThat(partner.displayName()).isEqualTo("bo");
        assertThat(partner.organization()).isEqualTo("Harbor Police");
        assertThat(last().detail()).isEqualTo("roles PARTNER; organization Harbor Police");
        assertThat(accounts.users()).containsExactly(ana, partner);
    }

    @Test
    void refusesBadUserNamesWeakPasswordsAndImpossibleRoles() {
        ana();
        char[] pw = PASSWORD.toCharArray();
        assertThatThrownBy(() -> accounts.createUser("Ana", null, Set.of(Role.ANALYST), pw, null, ADMIN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a user name is 2 to 64 lower-case letters, digits, '.', '_' or '-', not 'Ana'");
        assertThatThrownBy(() -> accounts.createUser("a", null, Set.of(Role.ANALYST), pw, null, ADMIN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("a user name is 2 to 64");
        assertThatThrownBy(() -> accounts.createUser("x".repeat(65), null, Set.of(Role.ANALYST), pw, null, ADMIN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("a user name is 2 to 64");
        assertThatThrownBy(() -> accounts.createUser("ana", null, Set.of(Role.ANALYST), pw, null, ADMIN))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a user named 'ana' already exists");
        assertThatThrownBy(() -> accounts.createUser("cy", null, Set.of(Role.ANALYST), "short-pw".toCharArray(), null, ADMIN))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a password needs at least 12 characters");
        assertThatThrownBy(() -> accounts.createUser("cy.analyst.01", null, Set.of(Role.ANALYST),
                "CY.Analyst.01".toCharArray(), null, ADMIN))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a password cannot be the user name");
        assertThatThrownBy(() -> accounts.createUser("cy", null, Set.of(Role.ANALYST), "x".repeat(1025).toCharArray(), null, ADMIN))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a password may have at most 1024 characters");
        assertThatThrownBy(() -> accounts.createUser("cy", null, Set.of(), pw, null, ADMIN))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("user 'cy' needs a role");
        assertThatThrownBy(() -> accounts.createUser("cy", null, Set.of(Role.PARTNER), pw, " ", ADMIN))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("user 'cy': a PARTNER account needs its organization");
        assertThatThrownBy(() -> accounts.createUser("cy", null, Set.of(Role.PARTNER, Role.ADMIN), pw, "Harbor Police", ADMIN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("user 'cy': a PARTNER (outside agency) account cannot hold other roles");
        assertThatThrownBy(() -> accounts.createUser("cy", null, Set.of(Role.ANALYST), pw, null, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("who is acting must be given (for the audit trail)");
        assertThat(accounts.users()).extracting(User::username).containsExactly("ana");
        assertThat(actions()).containsExactly("user.created"); // refusals change nothing, so nothing is audited
        assertThat(Role.parse(" privacy-officer")).isEqualTo(Role.PRIVACY_OFFICER);
        assertThatThrownBy(() -> Role.parse("boss")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown role 'boss': one of ANALYST, SUPERVISOR, PRIVACY_OFFICER, AUDITOR, ADMIN, PARTNER");
        assertThat(Permission.parse("view_biometrics")).isEqualTo(Permission.VIEW_BIOMETRICS);
    }

    @Test
    void everyFailedSignInSaysTheSameButTheAuditTrailSaysWhy() {
        ana();
        accounts.createUser("bo", null, Set.of(Role.ANALYST), PASSWORD.toCharArray(), null, ADMIN);
        accounts.disable("bo", ADMIN);
        events.clear();

        failSignIn("nobody", PASSWORD);
        assertThat(last()).isEqualTo(event(START, "anonymous", "10.0.0.7", "auth.login.failed", Outcome.FAILED,
                "unknown user name")); // the name typed is not kept: it may be a password
        failSignIn("ana", "not-the-password");
        assertThat(last()).isEqualTo(event(START, "anonymous", "10.0.0.7", "auth.login.failed", Outcome.FAILED,
                "wrong password (1 failed in a row)", "user:ana"));
        failSignIn("bo", PASSWORD);
        assertThat(last()).isEqualTo(event(START, "anonymous", "10.0.0.7", "auth.login.failed", Outcome.FAILED,
                "account disabled", "user:bo"));
        failSignIn("", PASSWORD);
        failSignIn("ana'; DROP TABLE app_user; --", PASSWORD);
        assertThatThrownBy(() -> accounts.authenticate("ana", null, null)).isInstanceOf(AuthenticationException.class);
        assertThat(events).hasSize(6).allSatisfy(e -> assertThat(e.action()).isEqualTo("auth.login.failed"));
        assertThat(signIn("ana", PASSWORD).username()).isEqualTo("ana");
    }

    @Test
    void fiveWrongPasswordsInARowLockTheAccountForFifteenMinutes() {
        ana();
        for (int i = 0; i < 4; i++) failSignIn("ana", "wrong-" + i);
        assertThat(store.users().get("ana").orElseThrow().lockedUntil()).isNull();
        events.clear();
        failSignIn("ana", "wrong-4");
        Instant until = START.plus(Duration.ofMinutes(15));
        assertThat(events).containsExactly(
                event(START, "anonymous", "10.0.0.7", "auth.login.failed", Outcome.FAILED, "wrong password (5 failed in a row)",
                        "user:ana"),
                event(START, "system", "10.0.0.7", "auth.locked", Outcome.ALLOWED,
                        "5 failed sign-ins in a row; locked until " + until, "user:ana"));

        failSignIn("ana", PASSWORD); // the right password does not open a locked account
        assertThat(last().detail()).isEqualTo("account locked until " + until);
        clock.advance(Duration.ofMinutes(14).plusSeconds(59));
        failSignIn("ana", PASSWORD);
        assertThat(store.users().get("ana").orElseThrow().failedLogins()).isEqualTo(5); // guesses while locked are not counted

        clock.advance(Duration.ofSeconds(1));
        assertThat(signIn("ana", PASSWORD).username()).isEqualTo("ana");
        assertThat(store.users().get("ana").orElseThrow().failedLogins()).isZero();
        assertThat(store.users().get("ana").orElseThrow().lockedUntil()).isNull();
    }

    @Test
    void eachFurtherRunOfFailuresLocksTwiceAsLong() {
        ana();
        for (int i = 0; i < 5; i++) failSignIn("ana", "wrong");
        clock.advance(Duration.ofMinutes(15));
        for (int i = 0; i < 4; i++) failSignIn("ana", "wrong");
        assertThat(last().detail()).isEqualTo("wrong password (9 failed in a row)");
        failSignIn("ana", "wrong");
        assertThat(last().action()).isEqualTo("auth.locked");
        assertThat(store.users().get("ana").orElseThrow().lockedUntil())
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
        assertThat(Accounts.lockout(15)).isEqualTo(Duration.ofMinutes(60));
        assertThat(Accounts.lockout(5 * 40)).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void aSuccessfulSignInStartsTheCountAgain() {
        ana();
        for (int i = 0; i < 4; i++) failSignIn("ana", "wrong");
        signIn("ana", PASSWORD);
        for (int i = 0; i < 4; i++) failSignIn("ana", "wrong");
        assertThat(actions()).doesNotContain("auth.locked");
        assertThat(signIn("ana", PASSWORD).username()).isEqualTo("ana");
    }

    @Test
    void aSessionEndsWhenIdleForThirtyMinutes() {
        User ana = ana();
        Session session = accounts.openSession(ana, "10.0.0.7");
        assertThat(session.token()).matches("[A-Za-z0-9_-]{43}");
        assertThat(session.csrfToken()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(session.token());
        assertThat(session.expiresAt()).isEqualTo(START.plus(Duration.ofHours(12)));
        assertThat(session.toString()).doesNotContain(session.token()).doesNotContain(session.csrfToken());
        StoredSession stored = store.tokens().sessionsOf("ana").get(0);
        assertThat(stored.tokenHash()).isEqualTo(BearerTokens.digest(session.token())).isNotEqualTo(session.token());
        assertThat(stored.clientAddress()).isEqualTo("10.0.0.7");

        assertThat(accounts.session(session.token())).contains(ana);
        clock.advance(Duration.ofMinutes(29));
        assertThat(accounts.session(session.token())).contains(ana); // and now it was last seen 29 minutes in
        clock.advance(Duration.ofMinutes(29));
        assertThat(accounts.session(session.token())).contains(ana);
        clock.advance(Duration.ofMinutes(30));
        assertThat(accounts.session(session.token())).isEmpty();
        assertThat(store.tokens().sessionsOf("ana")).isEmpty(); // an ended session is deleted
        assertThat(accounts.session("not-a-session")).isEmpty();
        assertThat(accounts.session(null)).isEmpty();
        assertThat(accounts.session("x".repeat(10_000))).isEmpty();
    }

    @Test
    void aSessionEndsAfterTwelveHoursHoweverBusy() {
        User ana = ana();
        Session session = accounts.openSession(ana, null);
        for (int i = 0; i < 35; i++) { // every 20 minutes for 11 h 40 min
            clock.advance(Duration.ofMinutes(20));
            assertThat(accounts.session(session.token())).as("after %d min", (i + 1) * 20).contains(ana);
        }
        clock.advance(Duration.ofMinutes(20));
        assertThat(accounts.session(session.token())).isEmpty();
    }

    @Test
    void roleChangesCountInALiveSessionAndDisablingEndsIt() {
        User ana = ana();
        Session session = accounts.openSession(ana, null);
        accounts.setRoles("ana", Set.of(Role.SUPERVISOR), ADMIN);
        assertThat(accounts.session(session.token())).get().extracting(User::roles).isEqualTo(Set.of(Role.SUPERVISOR));
        accounts.disable("ana", ADMIN);
        assertThat(accounts.session(session.token())).isEmpty();
        assertThatThrownBy(() -> accounts.openSession(ana, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("user 'ana' is disabled and cannot have a session");
        failSignIn("ana", PASSWORD);
    }

    @Test
    void theCsrfTokenMustBeTheSessionsOwn() {
        User ana = ana();
        Session first = accounts.openSession(ana, null);
        Session second = accounts.openSession(ana, null);
        assertThat(accounts.checkCsrf(first.token(), first.csrfToken())).isTrue();
        assertThat(accounts.checkCsrf(first.token(), second.csrfToken())).isFalse();
        assertThat(accounts.checkCsrf(first.token(), first.token())).isFalse();
        assertThat(accounts.checkCsrf(first.token(), first.csrfToken() + "x")).isFalse();
        assertThat(accounts.checkCsrf(first.token(), null)).isFalse();
        assertThat(accounts.checkCsrf(null, first.csrfToken())).isFalse();
        assertThat(accounts.checkCsrf("no-such-session", first.csrfToken())).isFalse();
        accounts.closeSession(first.token());
        assertThat(accounts.checkCsrf(first.token(), first.csrfToken())).isFalse();
    }

    @Test
    void signingOutEndsTheSession() {
        User ana = ana();
        Session session = accounts.openSession(ana, "10.0.0.7");
        events.clear();
        clock.advance(Duration.ofMinutes(3));
        accounts.closeSession(session.token(), "10.0.0.8");
        assertThat(events).containsExactly(event(START.plus(Duration.ofMinutes(3)), "ana", "10.0.0.8", "auth.logout",
                Outcome.ALLOWED, null, "user:ana"));
        assertThat(accounts.session(session.token())).isEmpty();
        accounts.closeSession(session.token()); // again: nothing to do, nothing audited
        accounts.closeSession(null);
        assertThat(events).hasSize(1);
    }

    @Test
    void apiTokensSignProgramsInUntilRevokedOrExpired() {
        User ana = ana();
        events.clear();
        IssuedApiToken nightly = accounts.createApiToken(ana, " nightly load ", null, ADMIN);
        assertThat(nightly.secret()).startsWith("rlt_").hasSize(47);
        assertThat(nightly.toString()).doesNotContain(nightly.secret());
        ApiToken token = nightly.token();
        assertThat(token).isEqualTo(new ApiToken(token.id(), "ana", "nightly load", START, null, null, null));
        assertThat(last()).isEqualTo(event(START, ADMIN, null, "auth.token.created", Outcome.ALLOWED,
                "'nightly load', no expiry", "user:ana", "token:" + token.id()));
        assertThat(store.tokens().apiToken(token.id()).orElseThrow().tokenHash())
                .isEqualTo(BearerTokens.digest(nightly.secret()));

        clock.advance(Duration.ofMinutes(5));
        assertThat(accounts.authenticateToken(nightly.secret())).contains(ana);
        assertThat(accounts.tokens("ana")).singleElement().extracting(ApiToken::lastUsedAt).isEqualTo(clock.instant());
        assertThat(accounts.authenticateToken(nightly.secret().substring(4))).isEmpty(); // without its prefix
        assertThat(accounts.authenticateToken("rlt_" + "A".repeat(43))).isEmpty();
        assertThat(accounts.authenticateToken(null)).isEmpty();

        accounts.revokeToken(token.id(), "ana");
        assertThat(last()).isEqualTo(event(clock.instant(), "ana", null, "auth.token.revoked", Outcome.ALLOWED,
                "'nightly load'", "user:ana", "token:" + token.id()));
        assertThat(accounts.authenticateToken(nightly.secret())).isEmpty();
        accounts.revokeToken(token.id(), "ana"); // revoked already: nothing changes, nothing audited
        assertThat(actions()).containsExactly("auth.token.created", "auth.token.revoked");
        assertThatThrownBy(() -> accounts.revokeToken(999_999, "ana")).isInstanceOf(NotFoundException.class)
                .hasMessage("no API token 999999");

        Instant expires = clock.instant().plus(Duration.ofDays(30));
        IssuedApiToken report = accounts.createApiToken(ana, "report", expires, "ana");
        assertThat(last().detail()).isEqualTo("'report', expires " + expires);
        clock.advance(Duration.ofDays(30).minusSeconds(1));
        assertThat(accounts.authenticateToken(report.secret())).contains(ana);
        clock.advance(Duration.ofSeconds(1));
        assertThat(accounts.authenticateToken(report.secret())).isEmpty();
        assertThat(accounts.tokens("ana")).extracting(t -> t.activeAt(clock.instant())).containsExactly(false, false);

        assertThatThrownBy(() -> accounts.createApiToken(ana, "late", clock.instant(), "ana"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("an API token must expire in the future");
        assertThatThrownBy(() -> accounts.createApiToken(ana, " ", null, "ana"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("an API token needs a name (what it is for)");
    }

    @Test
    void aDisabledUsersTokensStopWorking() {
        User ana = ana();
        IssuedApiToken token = accounts.createApiToken(ana, "etl", null, "ana");
        accounts.disable("ana", ADMIN);
        assertThat(accounts.authenticateToken(token.secret())).isEmpty();
        assertThatThrownBy(() -> accounts.createApiToken(ana, "another", null, ADMIN))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("user 'ana' is disabled and cannot have API tokens");
    }

    @Test
    void privacyTrainingCountsForAYear() {
        ana();
        LocalDate completed = LocalDate.of(2026, 11, 1);
        accounts.recordTraining("ana", completed, "privacy.officer");
        assertThat(last()).isEqualTo(event(START, "privacy.officer", null, "user.training.recorded", Outcome.ALLOWED,
                "completed 2026-11-01", "user:ana"));
        User ana = accounts.user("ana").orElseThrow();
        assertThat(ana.trainingCompleted()).isEqualTo(completed);
        assertThat(ana.trainingValidUntil()).isEqualTo(LocalDate.of(2027, 11, 1));
        assertThat(ana.trainingValidOn(completed)).isTrue();
        assertThat(ana.trainingValidOn(LocalDate.of(2027, 11, 1))).isTrue();
        assertThat(ana.trainingValidOn(LocalDate.of(2027, 11, 2))).isFalse();
        assertThat(ana.trainingValidOn(LocalDate.of(2026, 10, 31))).isFalse();
        assertThat(accounts.createUser("bo", null, Set.of(Role.ANALYST), PASSWORD.toCharArray(), null, ADMIN)
                .trainingValidOn(LocalDate.of(2026, 12, 1))).isFalse();

        assertThatThrownBy(() -> accounts.recordTraining("ana", LocalDate.of(2026, 12, 2), ADMIN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("training cannot be completed in the future (2026-12-02)");
        assertThatThrownBy(() -> accounts.recordTraining("nobody", completed, ADMIN))
                .isInstanceOf(NotFoundException.class).hasMessage("no user 'nobody'");
    }

    @Test
    void roleAndPermissionAndClearanceChangesAreAuditedWithWhatTheyWereAndBecame() {
        ana();
        events.clear();
        accounts.setRoles("ana", Set.of(Role.ANALYST, Role.SUPERVISOR), ADMIN);
        accounts.setPermissions("ana", Set.of(Permission.VIEW_BIOMETRICS, Permission.EXPORT), "privacy.officer");
        accounts.setClearances("ana", Set.of(" internal", "LAW-ENFORCEMENT"), "privacy.officer");
        accounts.setPermissions("ana", Set.of(), "privacy.officer");
        accounts.disable("ana", ADMIN);
        accounts.disable("ana", ADMIN); // disabled already: nothing changes, nothing audited
        assertThat(events).containsExactly(
                event(START, ADMIN, null, "user.roles.changed", Outcome.ALLOWED, "ANALYST -> ANALYST, SUPERVISOR", "user:ana"),
                event(START, "privacy.officer", null, "user.permissions.changed", Outcome.ALLOWED,
                        "(none) -> EXPORT, VIEW_BIOMETRICS", "user:ana"),
                event(START, "privacy.officer", null, "user.clearances.changed", Outcome.ALLOWED,
                        "(none) -> INTERNAL, LAW-ENFORCEMENT", "user:ana"),
                event(START, "privacy.officer", null, "user.permissions.changed", Outcome.ALLOWED,
                        "EXPORT, VIEW_BIOMETRICS -> (none)", "user:ana"),
                event(START, ADMIN, null, "user.disabled", Outcome.ALLOWED, null, "user:ana"));
        User ana = accounts.user("ana").orElseThrow();
        assertThat(ana.roles()).containsExactly(Role.ANALYST, Role.SUPERVISOR);
        assertThat(ana.permissions()).isEmpty();
        assertThat(ana.clearances()).containsExactly("INTERNAL", "LAW-ENFORCEMENT");
        assertThat(ana.isClearedFor("INTERNAL")).isTrue();
        assertThat(ana.disabled()).isTrue();

        assertThatThrownBy(() -> accounts.setClearances("ana", Set.of("top secret"), ADMIN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an access label is 1 to 40 letters, digits, '_' or '-', not 'top secret'");
        assertThatThrownBy(() -> accounts.setRoles("ana", Set.of(Role.PARTNER), ADMIN))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("user 'ana': a PARTNER account needs its organization");
        assertThatThrownBy(() -> accounts.setRoles("nobody", Set.of(Role.ADMIN), ADMIN))
                .isInstanceOf(NotFoundException.class).hasMessage("no user 'nobody'");
        assertThat(events).hasSize(5);
    }

    @Test
    void noSecretReachesTheAuditTrail() {
        User ana = ana();
        failSignIn("ana", "wrong-password-1");
        failSignIn(PASSWORD, PASSWORD); // a password typed as the user name
        signIn("ana", PASSWORD);
        Session session = accounts.openSession(ana, "10.0.0.7");
        accounts.session(session.token());
        accounts.checkCsrf(session.token(), session.csrfToken());
        accounts.closeSession(session.token(), "10.0.0.7");
        IssuedApiToken token = accounts.createApiToken(ana, "etl", null, "ana");
        accounts.authenticateToken(token.secret());
        accounts.revokeToken(token.token().id(), "ana");
        for (int i = 0; i < 5; i++) failSignIn("ana", "wrong-password-2");
        accounts.setRoles("ana", Set.of(Role.AUDITOR), ADMIN);
        accounts.disable("ana", ADMIN);

        String hash = store.users().get("ana").orElseThrow().passwordHash();
        List<String> secrets = List.of(PASSWORD, "wrong-password-1", "wrong-password-2", session.token(), session.csrfToken(),
                token.secret(), token.secret().substring(4), BearerTokens.digest(session.token()),
                BearerTokens.digest(token.secret()), hash, hash.substring(hash.lastIndexOf('$') + 1));
        assertThat(actions()).contains("user.created", "auth.login.failed", "auth.login", "auth.logout",
                "auth.token.created", "auth.token.revoked", "auth.locked", "user.roles.changed", "user.disabled");
        for (AuditEvent e : events) {
            assertThat(e.resultCount()).isZero();
            for (String field : fields(e)) {
                for (String secret : secrets) assertThat(field).as("%s in %s", secret, e).doesNotContain(secret);
            }
        }
    }

    private static List<String> fields(AuditEvent e) {
        List<String> out = new ArrayList<>(List.of(e.actor(), e.action(), e.outcome().name(), String.valueOf(e.clientAddress()),
                String.valueOf(e.caseId()), String.valueOf(e.purpose()), String.valueOf(e.detail())));
        out.addAll(e.objects());
        return out;
    }
}

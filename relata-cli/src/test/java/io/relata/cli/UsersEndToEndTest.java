package io.relata.cli;

import io.relata.app.access.Accounts;
import io.relata.store.EmbeddedPostgresHolder;
import io.relata.store.RelataStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code relata users} through the real command line: the first administrator, explicitly, and the rest. */
class UsersEndToEndTest {
    static final String PASSWORD = "harbor-lights-2026";

    @TempDir
    Path dir;

    private String store(String backend) {
        return backend.equals("h2") ? dir.resolve("store").toString() : EmbeddedPostgresHolder.newDatabase();
    }

    /** Runs the command line with {@code stdin} as its standard input. */
    static Cli.Run withInput(String stdin, Object... args) {
        InputStream in = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return Cli.run(args);
        } finally {
            System.setIn(in);
        }
    }

    private static Cli.Run ok(Cli.Run run) {
        assertThat(run.exit()).as("%s", run).isZero();
        return run;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theFirstAdministratorIsAddedWithAPasswordOnStandardInput(String backend) {
        String db = store(backend);
        Cli.Run add = ok(withInput(PASSWORD + "\n", "users", "add", "root.admin", "--role", "ADMIN", "--role", "analyst",
                "--display-name", "Root Admin", "--password-stdin", "--db", db, "--audit-key", dir.resolve("audit.key"), "--analyst", "installer"));
        assertThat(add.out()).isEqualTo("user root.admin added: ANALYST,ADMIN\n");
        assertThat(add.out() + add.err()).doesNotContain(PASSWORD);
        ok(withInput(PASSWORD, "users", "add", "bo", "--role", "PARTNER", "--organization", "Harbor Police",
                "--password-stdin", "--db", db, "--audit-key", dir.resolve("audit.key")));

        Cli.Run list = ok(Cli.run("users", "list", "--db", db, "--audit-key", dir.resolve("audit.key")));
        assertThat(list.out().lines()).hasSize(2);
        assertThat(list.out().lines().findFirst().orElseThrow())
                .startsWith("bo ").contains("PARTNER", "no training", "organization Harbor Police");
        assertThat(list.out()).contains("root.admin", "Root Admin", "ANALYST,ADMIN").doesNotContain("argon2");

        // the password read is the one that signs in (without its line end)
        try (RelataStore s = RelataStore.open(db)) {
            Accounts accounts = new Accounts(s, event -> {});
            assertThat(accounts.authenticate("root.admin", PASSWORD.toCharArray(), null).username()).isEqualTo("root.admin");
            assertThat(accounts.authenticate("bo", PASSWORD.toCharArray(), null).organization()).isEqualTo("Harbor Police");
        }
    }

    @Test
    void aWeakPasswordOrABadRoleIsRefusedAndNothingIsAdded() {
        String db = store("h2");
        Cli.Run shortPassword = withInput("too-short\n", "users", "add", "ana", "--role", "ANALYST", "--password-stdin",
                "--db", db, "--audit-key", dir.resolve("audit.key"));
        assertThat(shortPassword.exit()).as("%s", shortPassword).isEqualTo(2);
        assertThat(shortPassword.err()).isEqualTo("relata: a password needs at least 12 characters\n");
        assertThat(shortPassword.out() + shortPassword.err()).doesNotContain("too-short");

        Cli.Run sameAsName = withInput("analyst.anna\n", "users", "add", "analyst.anna", "--role", "ANALYST",
                "--password-stdin", "--db", db, "--audit-key", dir.resolve("audit.key"));
        assertThat(sameAsName.exit()).isEqualTo(2);
        assertThat(sameAsName.err()).isEqualTo("relata: a password cannot be the user name\n");

        Cli.Run twoLines = withInput(PASSWORD + "\nmore\n", "users", "add", "ana", "--role", "ANALYST", "--password-stdin",
                "--db", db, "--audit-key", dir.resolve("audit.key"));
        assertThat(twoLines.exit()).isEqualTo(2);
        assertThat(twoLines.err()).isEqualTo("relata: the password on standard input must be one line\n");

        Cli.Run badRole = withInput(PASSWORD, "users", "add", "ana", "--role", "BOSS", "--password-stdin", "--db", db, "--audit-key", dir.resolve("audit.key"));
        assertThat(badRole.exit()).isEqualTo(2);
        assertThat(badRole.err()).startsWith("relata: unknown role 'BOSS': one of ANALYST, SUPERVISOR");

        // without --password-stdin and without a terminal there is nobody to ask
        Cli.Run noTerminal = Cli.run("users", "add", "ana", "--role", "ANALYST", "--db", db, "--audit-key", dir.resolve("audit.key"));
        assertThat(noTerminal.exit()).isEqualTo(2);
        assertThat(noTerminal.err()).contains("--password-stdin");

        assertThat(ok(Cli.run("users", "list", "--db", db, "--audit-key", dir.resolve("audit.key"))).out()).isEmpty();
    }

    @Test
    void rolesTrainingTokensAndDisabling() {
        String db = store("h2");
        ok(withInput(PASSWORD, "users", "add", "ana", "--role", "ANALYST", "--password-stdin", "--db", db, "--audit-key", dir.resolve("audit.key")));
        Cli.Run again = withInput(PASSWORD, "users", "add", "ana", "--role", "ANALYST", "--password-stdin", "--db", db, "--audit-key", dir.resolve("audit.key"));
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).isEqualTo("relata: a user named 'ana' already exists\n");

        assertThat(ok(Cli.run("users", "roles", "ana", "--role", "ANALYST,SUPERVISOR", "--db", db, "--audit-key", dir.resolve("audit.key"))).out())
                .isEqualTo("user ana: ANALYST,SUPERVISOR\n");
        assertThat(ok(Cli.run("users", "training", "ana", "--completed", "2026-11-01", "--db", db, "--audit-key", dir.resolve("audit.key"))).out())
                .isEqualTo("user ana: training completed 2026-11-01, valid to 2027-11-01\n");
        Cli.Run token = ok(Cli.run("users", "token", "ana", "--name", "nightly load", "--expires", "2099-01-01", "--db", db, "--audit-key", dir.resolve("audit.key")));
        String secret = token.out().strip();
        assertThat(secret).startsWith("rlt_").hasSize(47);
        assertThat(token.err()).contains("API token 1 'nightly load' for ana, expires 2099-01-01T00:00:00Z", "only this once");

        try (RelataStore s = RelataStore.open(db)) {
            Accounts accounts = new Accounts(s, event -> {});
            assertThat(accounts.authenticateToken(secret)).get().satisfies(u -> {
                assertThat(u.username()).isEqualTo("ana");
                assertThat(u.trainingCompleted()).hasToString("2026-11-01");
            });
        }

        assertThat(ok(Cli.run("users", "disable", "ana", "--db", db, "--audit-key", dir.resolve("audit.key"))).out()).isEqualTo("user ana disabled\n");
        assertThat(ok(Cli.run("users", "list", "--db", db, "--audit-key", dir.resolve("audit.key"))).out()).contains("ANALYST,SUPERVISOR", "DISABLED");
        try (RelataStore s = RelataStore.open(db)) {
            assertThat(new Accounts(s, event -> {}).authenticateToken(secret)).isEqualTo(Optional.empty());
        }

        Cli.Run unknown = Cli.run("users", "roles", "nobody", "--role", "ADMIN", "--db", db, "--audit-key", dir.resolve("audit.key"));
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("relata: no user 'nobody'\n");
        Cli.Run badDate = Cli.run("users", "training", "ana", "--completed", "next week", "--db", db, "--audit-key", dir.resolve("audit.key"));
        assertThat(badDate.exit()).isEqualTo(2);
        assertThat(ok(Cli.run("users", "--help")).out()).contains("add", "list", "roles", "training", "disable", "token");
        assertThat(ok(Cli.run("users", "add", "--help")).out()).contains("--password-stdin", "--role", "--db");
    }
}

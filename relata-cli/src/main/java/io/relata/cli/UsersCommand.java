package io.relata.cli;

import io.relata.app.NotFoundException;
import io.relata.app.Workspace;
import io.relata.app.access.Accounts;
import io.relata.app.access.IssuedApiToken;
import io.relata.app.access.Role;
import io.relata.app.access.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code relata users}: accounts, administered by whoever can open the store. This is how the first
 * administrator is made: explicitly, with a password given on standard input or typed on the terminal; there is no
 * default account and no default password.
 */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = "Add, list and administer user accounts (the first administrator is added here).",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Roles.class,
                UsersCommand.Training.class, UsersCommand.Disable.class, UsersCommand.Token.class})
final class UsersCommand {
    /** Accounts whose every change is written to the store's audit trail. */
    static Accounts accounts(Workspace ws, StoreOptions store) {
        return new Accounts(ws.store(), store.auditTrail(ws)::append);
    }

    static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) roles.add(Role.parse(name));
        return roles;
    }

    static String list(Set<?> values) {
        return values.isEmpty() ? "-" : values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static User user(Accounts accounts, String username) {
        return accounts.user(username).orElseThrow(() -> new NotFoundException("no user '" + username + "'"));
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a user. The password is read from standard input with --password-stdin, or asked for "
                    + "twice on the terminal; never from an argument. At least 12 characters, not the user name.")
    static final class Add implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Parameters(index = "0", paramLabel = "USERNAME", description = "2 to 64 of a-z, 0-9, '.', '_', '-'.")
        String username;
        @Option(names = "--role", required = true, split = ",", paramLabel = "ROLE",
                description = "A role (repeat, or separate with commas): ANALYST, SUPERVISOR, PRIVACY_OFFICER, AUDITOR, "
                        + "ADMIN, PARTNER (an outside agency: give --organization, and no other role).")
        List<String> roles;
        @Option(names = "--display-name", paramLabel = "NAME", description = "The user's name as people read it "
                + "(default: the user name).")
        String displayName;
        @Option(names = "--organization", paramLabel = "ORG", description = "The outside agency of a PARTNER.")
        String organization;
        @Option(names = "--password-stdin", description = "Read the password from standard input (one line).")
        boolean passwordStdin;
        @Mixin
        AnalystOptions who;

        @Override
        public Integer call() {
            Set<Role> parsed = roles(roles);
            try (Workspace ws = store.workspace()) {
                Accounts accounts = accounts(ws, store);
                // before asking for the password: typing it twice for nothing is no way to learn a name is taken
                if (accounts.user(username).isPresent()) {
                    throw new IllegalArgumentException("a user named '" + username + "' already exists");
                }
                char[] password = passwordStdin ? PasswordInput.fromStream(System.in) : PasswordInput.fromTerminal(username);
                try {
                    User u = accounts.createUser(username, displayName, parsed, password, organization, who.analyst);
                    System.out.printf("user %s added: %s%s%n", u.username(), list(u.roles()),
                            u.organization() == null ? "" : ", " + u.organization());
                } finally {
                    Arrays.fill(password, '\0');
                }
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the users.")
    static final class ListUsers implements Callable<Integer> {
        @Mixin
        StoreOptions store;

        @Override
        public Integer call() {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            try (Workspace ws = store.workspace()) {
                for (User u : accounts(ws, store).users()) {
                    String training = u.trainingCompleted() == null ? "no training"
                            : (u.trainingValidOn(today) ? "training to " : "training lapsed ") + u.trainingValidUntil();
                    System.out.printf("%-20s %-24s %-28s %s  permissions %s  clearances %s%s%s%n", u.username(),
                            u.displayName(), list(u.roles()), training, list(u.permissions()), list(u.clearances()),
                            u.organization() == null ? "" : "  organization " + u.organization(),
                            u.disabled() ? "  DISABLED" : "");
                }
            }
            return 0;
        }
    }

    @Command(name = "roles", mixinStandardHelpOptions = true, description = "Replace a user's roles.")
    static final class Roles implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;
        @Option(names = "--role", required = true, split = ",", paramLabel = "ROLE",
                description = "A role (repeat, or separate with commas): ANALYST, SUPERVISOR, PRIVACY_OFFICER, AUDITOR, "
                        + "ADMIN, PARTNER.")
        List<String> roles;
        @Mixin
        AnalystOptions who;

        @Override
        public Integer call() {
            Set<Role> parsed = roles(roles);
            try (Workspace ws = store.workspace()) {
                accounts(ws, store).setRoles(username, parsed, who.analyst);
                System.out.printf("user %s: %s%n", username, list(parsed));
            }
            return 0;
        }
    }

    @Command(name = "training", mixinStandardHelpOptions = true,
            description = "Record the day a user completed privacy training (it counts for a year).")
    static final class Training implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;
        @Option(names = "--completed", required = true, paramLabel = "YYYY-MM-DD", description = "The day it was completed.")
        LocalDate completed;
        @Mixin
        AnalystOptions who;

        @Override
        public Integer call() {
            try (Workspace ws = store.workspace()) {
                Accounts accounts = accounts(ws, store);
                accounts.recordTraining(username, completed, who.analyst);
                System.out.printf("user %s: training completed %s, valid to %s%n", username, completed,
                        user(accounts, username).trainingValidUntil());
            }
            return 0;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disable a user: no more sign-ins, sessions end, API tokens stop working. The account stays.")
    static final class Disable implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;
        @Mixin
        AnalystOptions who;

        @Override
        public Integer call() {
            try (Workspace ws = store.workspace()) {
                accounts(ws, store).disable(username, who.analyst);
                System.out.printf("user %s disabled%n", username);
            }
            return 0;
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true,
            description = "Create an API token for a program acting as the user. The token is printed once, alone on "
                    + "standard output; only its digest is stored.")
    static final class Token implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;
        @Option(names = "--name", required = true, description = "What the token is for.")
        String name;
        @Option(names = "--expires", paramLabel = "YYYY-MM-DD",
                description = "The day it stops working (from 00:00 UTC); default: never, until revoked.")
        LocalDate expires;
        @Mixin
        AnalystOptions who;

        @Override
        public Integer call() {
            Instant until = expires == null ? null : expires.atStartOfDay(ZoneOffset.UTC).toInstant();
            try (Workspace ws = store.workspace()) {
                Accounts accounts = accounts(ws, store);
                IssuedApiToken issued = accounts.createApiToken(user(accounts, username), name, until, who.analyst);
                System.out.println(issued.secret());
                System.err.printf("API token %d '%s' for %s%s. It is shown only this once: keep it now.%n",
                        issued.token().id(), issued.token().name(), username,
                        until == null ? ", no expiry" : ", expires " + until);
            }
            return 0;
        }
    }
}

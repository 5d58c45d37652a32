package io.relata.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.relata.app.Workspace;
import io.relata.app.audit.AuditExport;
import io.relata.app.audit.AuditKey;
import io.relata.app.audit.AuditQueries;
import io.relata.app.audit.AuditTrail;
import io.relata.app.audit.AuditVerification;
import io.relata.store.AuditAlert;
import io.relata.store.AuditAlertStatus;
import io.relata.store.AuditEntry;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code relata audit}: verify the audit trail, and answer auditors' questions from it. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Verify the audit trail; who touched an object, what a user did, and unusual activity.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Who.class, AuditCommand.Activity.class,
                AuditCommand.Alerts.class})
final class AuditCommand implements Runnable {
    /** Exit code of {@code audit verify} when the trail was tampered with. */
    static final int TAMPERED = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code --key}: where the audit key is. */
    static final class KeyOptions {
        @Option(names = "--key", paramLabel = "FILE", description = "The audit key file (default: $"
                + AuditKey.FILE_ENV + ", or " + AuditKey.FILE_NAME + " in the store's directory).")
        Path key;

        AuditKey load(String db) {
            return AuditKey.load(key != null ? key : AuditKey.defaultFile(db, System.getenv()));
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check every audit entry and checkpoint: that none was altered, deleted or reordered, and "
                    + "that the chain was not rewritten.", "Exit code 0 when the trail is sound, 1 when it was tampered with."})
    static final class Verify implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Mixin
        KeyOptions key;

        @Override
        public Integer call() {
            try (Workspace ws = store.workspace()) {
                AuditVerification v = new AuditTrail(ws.store(), key.load(store.db)).verify();
                if (v.ok()) {
                    System.out.printf("OK: %,d entries and %,d checkpoints verified%n", v.entriesChecked(),
                            v.checkpointsChecked());
                    return 0;
                }
                System.out.printf("TAMPERED at entry %d: %s%n", v.firstBadSeq(), v.problem());
                System.out.printf("(%,d entries and %,d checkpoints before it verified)%n", v.entriesChecked(),
                        v.checkpointsChecked());
                return TAMPERED;
            }
        }
    }

    /** What both questions share: a time range, a page, and how to write the answer. */
    static final class AnswerOptions {
        @Option(names = "--from", description = "Only at or after this instant (ISO-8601, e.g. 2026-03-01T00:00:00Z).")
        Instant from;
        @Option(names = "--to", description = "Only before this instant.")
        Instant to;
        @Option(names = "--limit", defaultValue = "1000", description = "At most this many (default: ${DEFAULT-VALUE}).")
        int limit;
        @Option(names = "--offset", defaultValue = "0", description = "Skip this many first.")
        int offset;
        @ArgGroup(exclusive = true)
        Output output;

        static final class Output {
            @Option(names = "--csv", paramLabel = "FILE", description = "Write the answer to FILE as CSV (RFC 4180).")
            Path csv;
            @Option(names = "--json", description = "Print the answer as JSON Lines.")
            boolean json;
        }

        void print(List<AuditEntry> entries) throws IOException {
            if (output != null && output.csv != null) {
                try (Writer w = Files.newBufferedWriter(output.csv, StandardCharsets.UTF_8)) {
                    AuditExport.csv(entries, w);
                }
                System.out.printf("%d entries written to %s%n", entries.size(), output.csv);
            } else if (output != null && output.json) {
                Writer w = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
                AuditExport.jsonLines(entries, w);
            } else {
                for (AuditEntry e : entries) {
                    System.out.printf("%d  %s  %-12s %-7s %-18s %s  %d results%s%s%n", e.seq(), e.at(), e.actor(),
                            e.outcome(), e.action(), e.objects(), e.resultCount(),
                            e.caseId() == null ? "" : "  case " + e.caseId(),
                            e.clientAddress() == null ? "" : "  from " + e.clientAddress());
                    if (e.purpose() != null) System.out.println("    purpose: " + e.purpose());
                    if (e.detail() != null) System.out.println("    " + e.detail().replace("\n", "\n    "));
                }
            }
        }
    }

    @Command(name = "who", mixinStandardHelpOptions = true,
            description = "Who touched an object: every audited action on it (reads, changes, denied attempts), oldest first.")
    static final class Who implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Option(names = "--object", required = true, description = "What was touched, as the trail names it: "
                + "entity:123, record:SOURCE:ID, user:NAME, case:ID, lead:ID.")
        String object;
        @Mixin
        AnswerOptions answer;

        @Override
        public Integer call() throws IOException {
            try (Workspace ws = store.workspace()) {
                answer.print(new AuditQueries(ws.store()).whoLookedAt(object, answer.from, answer.to, answer.limit,
                        answer.offset));
            }
            return 0;
        }
    }

    @Command(name = "activity", mixinStandardHelpOptions = true,
            description = "What a user did: every audited action of theirs, oldest first.")
    static final class Activity implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Option(names = "--actor", required = true, description = "The user name.")
        String actor;
        @Mixin
        AnswerOptions answer;

        @Override
        public Integer call() throws IOException {
            try (Workspace ws = store.workspace()) {
                answer.print(new AuditQueries(ws.store()).activityOf(actor, answer.from, answer.to, answer.limit,
                        answer.offset));
            }
            return 0;
        }
    }

    @Command(name = "alerts", mixinStandardHelpOptions = true,
            description = "Unusual activity for auditors (far more lookups than a user's norm, repeated lookups outside "
                    + "their cases), oldest first; or mark one reviewed.",
            subcommands = {AuditCommand.Alerts.Review.class})
    static final class Alerts implements Callable<Integer> {
        private static final ObjectMapper JSON = new ObjectMapper();

        @Mixin
        StoreOptions store;
        @Option(names = "--status", description = "Only alerts in this status: ${COMPLETION-CANDIDATES}.")
        AuditAlertStatus status;
        @Option(names = "--limit", defaultValue = "100", description = "At most this many (default: ${DEFAULT-VALUE}).")
        int limit;
        @Option(names = "--offset", defaultValue = "0", description = "Skip this many first.")
        int offset;
        @Option(names = "--json", description = "Print JSON Lines.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            try (Workspace ws = store.workspace()) {
                for (AuditAlert a : new AuditQueries(ws.store()).alerts(status, limit, offset)) {
                    if (json) {
                        System.out.println(JSON.writeValueAsString(JSON.createObjectNode().put("id", a.id())
                                .put("at", a.at().toString()).put("actor", a.actor()).put("kind", a.kind().name())
                                .put("detail", a.detail()).put("status", a.status().name())
                                .put("reviewed_by", a.reviewedBy())
                                .put("reviewed_at", a.reviewedAt() == null ? null : a.reviewedAt().toString())));
                    } else {
                        System.out.printf("%d  %s  %-14s %-12s %s%s%n", a.id(), a.at(), a.kind(), a.actor(), a.status(),
                                a.reviewedBy() == null ? "" : " by " + a.reviewedBy() + " at " + a.reviewedAt());
                        System.out.println("    " + a.detail());
                    }
                }
            }
            return 0;
        }

        @Command(name = "review", mixinStandardHelpOptions = true, description = "Mark an open alert reviewed.")
        static final class Review implements Callable<Integer> {
            @Mixin
            StoreOptions store;
            @Parameters(index = "0", paramLabel = "ID", description = "The alert id.")
            long id;
            @Mixin
            AnalystOptions who;

            @Override
            public Integer call() {
                try (Workspace ws = store.workspace()) {
                    new AuditQueries(ws.store()).reviewAlert(id, who.analyst, Instant.now());
                    System.out.printf("audit alert %d: REVIEWED by %s%n", id, who.analyst);
                }
                return 0;
            }
        }
    }
}

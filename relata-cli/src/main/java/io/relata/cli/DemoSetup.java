package io.relata.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.app.Ingest;
import io.relata.app.IngestSummary;
import io.relata.app.Leads;
import io.relata.app.Workspace;
import io.relata.app.report.ChartSpec;
import io.relata.app.report.ReportDraft;
import io.relata.app.report.Reports;
import io.relata.app.access.Accounts;
import io.relata.app.access.Role;
import io.relata.app.audit.AuditTrail;
import io.relata.bench.generate.GenerationSummary;
import io.relata.bench.generate.GeneratorConfig;
import io.relata.bench.generate.PopulationGenerator;
import io.relata.core.evaluate.ClusterMetrics;
import io.relata.core.evaluate.GroundTruth;
import io.relata.core.ingest.Reject;
import io.relata.core.model.RecordKey;
import io.relata.core.relate.pattern.PatternCatalog;
import io.relata.store.CaseFile;
import io.relata.store.CaseRole;
import io.relata.store.SourceInfo;
import io.relata.store.Watch;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The demo as a running system would have it: a generated multi-source population (with its planted identity rings
 * and co-travel groups) loaded into a fresh embedded store, the sources registered, one account per role with a
 * random password, a case working on an identity ring with a watch on one member, and a second, small extract that
 * trips the watch, so that leads, alerts and review items all exist when the server starts; and a report on the ring,
 * approved and disseminated to the partner agency.
 */
final class DemoSetup {
    /** A file in a store directory the demo made: only such a directory is ever emptied. */
    static final String MARKER = ".relata-demo";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final char[] PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    /** An account the demo made, with the password it was given (printed once, never stored in the clear). */
    record Account(String username, Role role, String password, String note) {}

    /** What the demo set up. */
    record Result(GenerationSummary generated, IngestSummary firstLoad, IngestSummary secondLoad, Path secondExtract,
                  ClusterMetrics.Evaluation accuracy, CaseFile demoCase, List<Long> subjects, Watch watch,
                  List<Account> accounts, Map<String, Integer> leadsByPattern, int alerts) {}

    private DemoSetup() {}

    /** Makes {@code store} an empty directory for the demo: new, empty, or one an earlier demo made (then emptied). */
    static void freshStore(Path store) throws IOException {
        if (Files.isDirectory(store)) {
            try (Stream<Path> list = Files.list(store)) {
                boolean empty = list.findAny().isEmpty();
                if (!empty && !Files.exists(store.resolve(MARKER))) {
                    throw new IllegalArgumentException(store + " holds something that is not a demo store; name another "
                            + "directory with --store (the demo starts from an empty one)");
                }
            }
            try (Stream<Path> walk = Files.walk(store)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    if (!p.equals(store)) Files.delete(p);
                }
            }
        }
        Files.createDirectories(store);
        Files.writeString(store.resolve(MARKER), "made by 'relata demo'; the next demo run empties this directory\n");
    }

    /**
     * Generates {@code records} records into {@code dataDir} and builds the demo in {@code ws} (a fresh store), with
     * accounts written to {@code audit}'s trail. Prints its progress to {@code log}.
     */
    static Result run(Workspace ws, AuditTrail audit, Path dataDir, int records, long seed, java.io.PrintStream log)
            throws IOException {
        Files.createDirectories(dataDir);
        Path jsonl = dataDir.resolve("demo.jsonl"), truthFile = dataDir.resolve("demo.truth.csv");
        Path patterns = dataDir.resolve("demo.patterns.csv");
        GenerationSummary generated = new PopulationGenerator().generate(GeneratorConfig.defaults(seed, records), jsonl,
                truthFile, patterns);
        GroundTruth truth = GroundTruth.load(truthFile);

        // One planted identity ring: the case works on it; one member's records arrive only in the second extract.
        List<List<RecordKey>> ring = ringMembers(patterns, truth);
        List<RecordKey> watchedRecords = ring.get(0), heldBack = ring.get(ring.size() - 1);
        Path first = dataDir.resolve("demo-1.jsonl"), second = dataDir.resolve("demo-2.jsonl");
        split(jsonl, new HashSet<>(heldBack), watchedRecords.get(0), first, second);

        registerSources(ws, generated.recordsPerSource().keySet());
        log.printf("Loading %,d records into %s ...%n", generated.records() - heldBack.size(), ws.store().describe());
        IngestSummary firstLoad = load(ws, first);

        Accounts accounts = new Accounts(ws.store(), audit::append);
        List<Account> made = accounts(accounts);

        // The case: the analyst owns it, the supervisor works in it; its subjects are the ring's members so far.
        Instant now = Instant.now();
        CaseFile demoCase = ws.store().cases().create("Harbor",
                "Possible synthetic identities sharing identifiers, phones and addresses (demo)", "analyst", now);
        ws.store().cases().addMember(demoCase.id(), "supervisor", CaseRole.MEMBER);
        List<RecordKey> subjectRecords = new ArrayList<>();
        for (List<RecordKey> member : ring) if (member != heldBack) subjectRecords.addAll(member);
        List<List<List<RecordKey>>> travel = groups(patterns, truth, "co-travel");
        if (!travel.isEmpty()) travel.get(0).forEach(subjectRecords::addAll); // a group seen travelling together
        ws.store().cases().addSubjects(demoCase.id(), subjectRecords, "analyst",
                "possible identity ring and travel group flagged for review", now);
        long watched = ws.graph().entityOf(watchedRecords.get(0));
        Watch watch = ws.store().watches().add(demoCase.id(), watched, 2, "analyst",
                "tell me when new data reaches this identity within two hops", now);

        log.printf("Loading the second extract (%s) ...%n", second.getFileName());
        IngestSummary secondLoad = load(ws, second);
        new Leads(ws, PatternCatalog.defaults()).scan(null);

        Map<String, Integer> leadsByPattern = new TreeMap<>();
        for (var l : ws.store().leads().list(null, null, Integer.MAX_VALUE, 0)) leadsByPattern.merge(l.pattern(), 1, Integer::sum);
        int alerts = ws.store().alerts().list(demoCase.id(), null, null, Integer.MAX_VALUE, 0).size();
        List<Long> subjects = ws.store().cases().subjectEntities(demoCase.id());
        disseminateReport(ws, demoCase, watched, subjects);

        List<RecordKey> keys = new ArrayList<>();
        int[] predicted;
        List<Long> entityOf = new ArrayList<>();
        for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
            ObjectNode n = (ObjectNode) JSON.readTree(line);
            RecordKey k = new RecordKey(n.get("source").asText(), n.get("id").asText());
            keys.add(k);
            entityOf.add(ws.graph().entityOf(k));
        }
        Map<Long, Integer> dense = new LinkedHashMap<>();
        predicted = new int[keys.size()];
        for (int i = 0; i < predicted.length; i++) predicted[i] = dense.computeIfAbsent(entityOf.get(i), e -> dense.size());
        ClusterMetrics.Evaluation accuracy = ClusterMetrics.evaluate(predicted, truth.labels(keys));
        return new Result(generated, firstLoad, secondLoad, second, accuracy, demoCase, subjects, watch, made,
                leadsByPattern, alerts);
    }

    /** The demo's partner agency (the partner account's organization). */
    static final String PARTNER_AGENCY = "Harbor Police Department";
    static final String REPORT_TITLE = "Possible identity ring: shared identifiers, phones and addresses";

    /**
     * A report on the ring, composed by the analyst, approved by the supervisor and sent to the partner agency, so
     * that the partner's inbox and the accounting of disclosures have something to show.
     */
    private static void disseminateReport(Workspace ws, CaseFile demoCase, long watched, List<Long> subjects) {
        List<Long> covered = new ArrayList<>(List.of(watched));
        for (long s : subjects) if (covered.size() < 6 && s != watched) covered.add(s);
        Reports reports = new Reports(ws);
        ReportDraft draft = new ReportDraft(REPORT_TITLE, "UNCLASSIFIED//LAW ENFORCEMENT SENSITIVE",
                "For the recipient's investigators only; not for release to the subjects or the public.",
                "These identities share identifiers, phone numbers and addresses in ways that people rarely do. They may be "
                        + "fabricated identities used together. Every connection below is a possible one, to be verified.",
                covered, ChartSpec.network(watched, 1));
        long report = reports.create(demoCase.id(), draft, "analyst").reportId();
        reports.review(demoCase.id(), report, 1, true, "approved for the joint operation", "supervisor");
        reports.disseminate(demoCase.id(), report, 1, PARTNER_AGENCY, "joint operation on synthetic identities",
                "MOU HPD-2026-03 (demo)", "analyst");
    }

    /** The planted groups of a pattern (identity-ring, co-travel, ...), in order, each as its members' records. */
    static List<List<List<RecordKey>>> groups(Path patterns, GroundTruth truth, String pattern) throws IOException {
        Map<String, Map<String, List<RecordKey>>> groups = new TreeMap<>(Comparator.comparingInt(DemoSetup::number));
        try (Reader r = Files.newBufferedReader(patterns, StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                if (!row.get("pattern").equals(pattern)) continue;
                RecordKey key = new RecordKey(row.get("source"), row.get("id"));
                groups.computeIfAbsent(row.get("group"), g -> new LinkedHashMap<>())
                        .computeIfAbsent(truth.entityOf(key), e -> new ArrayList<>()).add(key);
            }
        }
        List<List<List<RecordKey>>> out = new ArrayList<>();
        for (Map<String, List<RecordKey>> members : groups.values()) out.add(new ArrayList<>(members.values()));
        return out;
    }

    /**
     * The members of the planted identity ring with the most members (at least three), each as its records; the
     * member with the most records first (the one to watch).
     */
    static List<List<RecordKey>> ringMembers(Path patterns, GroundTruth truth) throws IOException {
        List<List<RecordKey>> best = null;
        for (List<List<RecordKey>> ring : groups(patterns, truth, "identity-ring")) {
            if (ring.size() >= 3 && (best == null || ring.size() > best.size())) best = ring;
        }
        if (best == null) {
            throw new IllegalStateException("the generated population has no identity ring of three or more: generate more records");
        }
        List<List<RecordKey>> out = new ArrayList<>(best);
        out.sort(Comparator.comparingInt((List<RecordKey> m) -> -m.size()));
        return out;
    }

    private static int number(String group) {
        String digits = group.replaceAll("\\D", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }

    /**
     * Writes every record but the held-back ones to {@code first}; to {@code second} the held-back ones and a new
     * encounter record that repeats the watched person's first record under a new id (new data about them).
     */
    private static void split(Path all, Set<RecordKey> heldBack, RecordKey watched, Path first, Path second) throws IOException {
        try (Writer a = Files.newBufferedWriter(first, StandardCharsets.UTF_8);
             Writer b = Files.newBufferedWriter(second, StandardCharsets.UTF_8)) {
            for (String line : Files.readAllLines(all, StandardCharsets.UTF_8)) {
                ObjectNode n = (ObjectNode) JSON.readTree(line);
                RecordKey k = new RecordKey(n.get("source").asText(), n.get("id").asText());
                if (heldBack.contains(k)) {
                    b.write(line);
                    b.write('\n');
                    continue;
                }
                a.write(line);
                a.write('\n');
                if (k.equals(watched)) {
                    n.put("id", k.id() + "-R2");
                    n.remove("relationships");
                    b.write(JSON.writeValueAsString(n));
                    b.write('\n');
                }
            }
        }
    }

    private static void registerSources(Workspace ws, Set<String> codes) {
        Map<String, String[]> known = Map.of(
                "BENEFITS", new String[] {"Benefit applications", "Benefits Directorate", "Decide benefit applications", "INTERNAL"},
                "ENFORCEMENT", new String[] {"Enforcement encounters", "Field Operations", "Record encounters and communications", "INTERNAL"},
                "ENTRY_EXIT", new String[] {"Entry and exit records", "Border Management", "Record arrivals and departures", "INTERNAL"},
                "STUDENT_REG", new String[] {"Student registrations", "Student Programs Office", "Register foreign students and their schools", "INTERNAL"},
                "VISA_APPS", new String[] {"Visa applications", "Consular Affairs", "Decide visa applications", "INTERNAL"},
                "WATCHLIST", new String[] {"Watch list", "Watch List Unit", "Names of interest to enforcement", "INTERNAL"});
        for (String code : codes) {
            String[] s = known.getOrDefault(code, new String[] {code, null, null, "INTERNAL"});
            ws.store().putSource(new SourceInfo(code, s[0], s[1], s[2], "US", 3650, s[3]));
        }
    }

    private static IngestSummary load(Workspace ws, Path file) {
        return new Ingest(ws, 2000).run(List.of(file), null, new Ingest.Listener() {
            @Override
            public void progress(long read, long accepted, long rejected) {
            }

            @Override
            public void rejected(Reject reject) {
                throw new IllegalStateException("the generator wrote a record the reader rejects: " + reject);
            }
        });
    }

    private static List<Account> accounts(Accounts accounts) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Object[]> wanted = new LinkedHashMap<>();
        wanted.put("analyst", new Object[] {Role.ANALYST, "Ana Lyst", null, "privacy training current; owns case Harbor"});
        wanted.put("supervisor", new Object[] {Role.SUPERVISOR, "Sam Supervisor", null, "privacy training current; member of Harbor"});
        wanted.put("privacy", new Object[] {Role.PRIVACY_OFFICER, "Pat Privacy", null,
                "privacy training current; access requests, corrections, retention, disclosures"});
        wanted.put("auditor", new Object[] {Role.AUDITOR, "Audrey Auditor", null, "audit search and chain verification"});
        wanted.put("admin", new Object[] {Role.ADMIN, "Adam Admin", null, "users and sources"});
        wanted.put("partner", new Object[] {Role.PARTNER, "Pia Partner", PARTNER_AGENCY,
                PARTNER_AGENCY + ": sees only the report disseminated to it"});
        wanted.put("lapsed", new Object[] {Role.ANALYST, "Lee Lapsed", null, "privacy training lapsed: sees the notice"});
        List<Account> out = new ArrayList<>();
        for (var e : wanted.entrySet()) {
            Role role = (Role) e.getValue()[0];
            char[] password = password();
            try {
                accounts.createUser(e.getKey(), (String) e.getValue()[1], Set.of(role), password, (String) e.getValue()[2], "demo");
                out.add(new Account(e.getKey(), role, new String(password), (String) e.getValue()[3]));
            } finally {
                java.util.Arrays.fill(password, '\0');
            }
        }
        accounts.recordTraining("analyst", today, "demo");
        accounts.recordTraining("supervisor", today, "demo");
        accounts.recordTraining("privacy", today, "demo");
        accounts.recordTraining("lapsed", today.minusYears(1).minusDays(30), "demo");
        return out;
    }

    /** 16 random characters from an alphabet without look-alikes, in groups of four: about 93 bits. */
    static char[] password() {
        SecureRandom random = new SecureRandom();
        char[] out = new char[19];
        for (int i = 0; i < out.length; i++) {
            out[i] = i % 5 == 4 ? '-' : PASSWORD_ALPHABET[random.nextInt(PASSWORD_ALPHABET.length)];
        }
        return out;
    }
}

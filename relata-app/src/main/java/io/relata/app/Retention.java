package io.relata.app;

import io.relata.core.model.RecordKey;
import io.relata.core.relate.pattern.PatternCatalog;
import io.relata.core.resolve.LiveResolver;
import io.relata.core.resolve.live.ChangeSet;
import io.relata.core.resolve.live.EntityChange;
import io.relata.store.CaseSubject;
import io.relata.store.RetentionStore;
import io.relata.store.SourceInfo;
import io.relata.store.StoreBatch;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Retention: a record expires when it was loaded more than its source's retention period before the run's date
 * (sources without a period keep their records), unless a legal hold keeps it. A run removes the expired records
 * with everything derived from them, in one transaction: their entities are re-formed from the records left
 * (withdrawal, as {@link Curation#withdraw} does), then the records' rows and every row naming them go
 * ({@link RetentionStore#PURGE}), leads are re-scanned and those no longer found deleted, and memory (resolver,
 * graph, search) forgets them. What remains is the run's audit entry, which the caller writes before the run.
 */
public final class Retention {
    /** The object every run's audit entry names besides the records, so that past runs are one index lookup. */
    public static final String RUN_OBJECT = "retention:run";

    private final Workspace workspace;
    private final Clock clock;
    private final int maxPerRun;

    public Retention(Workspace workspace, Clock clock) {
        this(workspace, clock, MAX_RECORDS_PER_RUN);
    }

    /** With a smaller batch, for tests of runs that leave records for the next. */
    Retention(Workspace workspace, Clock clock, int maxPerRun) {
        if (maxPerRun < 1 || maxPerRun > MAX_RECORDS_PER_RUN) {
            throw new IllegalArgumentException("a run removes 1 to " + MAX_RECORDS_PER_RUN + " records, not " + maxPerRun);
        }
        this.workspace = workspace;
        this.clock = clock;
        this.maxPerRun = maxPerRun;
    }

    /**
     * At most this many records go in one run, so that its one audit entry can name them all (an entry holds at most
     * 10,000 objects and 500,000 characters) and the server's lock is not held for long; the rest wait for the next
     * run, which the command line starts at once.
     */
    public static final int MAX_RECORDS_PER_RUN = 5_000;
    private static final int MAX_KEY_CHARACTERS_PER_RUN = 400_000;

    /**
     * One source in a plan: its period, the cutoff it gives, its records, how many expired, how many of those a legal
     * hold keeps, and how many this run removes (the rest of the expired and unheld wait for the next run).
     */
    public record SourceRetention(String source, Integer retentionDays, Instant cutoff, long records, long expired,
                                  long held, long removed) {
        /** Expired and not held: removed by this run or a next one. */
        public long removable() {
            return expired - held;
        }
    }

    /**
     * What a run as of {@code asOf} removes: per source, and the records themselves (sorted). {@code asOf} is a day
     * in UTC; a record loaded before that day's start minus the period has expired.
     */
    public record Plan(LocalDate asOf, List<SourceRetention> sources, List<RecordKey> remove) {
        public long expired() {
            return sources.stream().mapToLong(SourceRetention::expired).sum();
        }

        public long held() {
            return sources.stream().mapToLong(SourceRetention::held).sum();
        }

        /** Expired, not held, and left for the next run (a run removes at most {@link #MAX_RECORDS_PER_RUN}). */
        public long remaining() {
            return sources.stream().mapToLong(SourceRetention::removable).sum() - remove.size();
        }

        /** SHA-256 of the removed keys, sorted, one per line: lets anyone holding the list check it is the run's. */
        public String digest() {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                for (RecordKey k : remove) sha.update((k + "\n").getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(sha.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("no SHA-256 in this Java", e);
            }
        }

        /** What the run's audit entry names: the run, then every record it removes as {@code record:SOURCE:ID}. */
        public List<String> auditObjects() {
            List<String> objects = new ArrayList<>(remove.size() + 1);
            objects.add(RUN_OBJECT);
            for (RecordKey k : remove) objects.add("record:" + k);
            return objects;
        }

        /** The run's counts for its audit entry. */
        public String auditDetail() {
            StringBuilder s = new StringBuilder("as of ").append(asOf).append(": ").append(remove.size()).append(" removed, ")
                    .append(expired()).append(" expired, ").append(held()).append(" kept under legal hold");
            if (remaining() > 0) s.append(", ").append(remaining()).append(" left for the next run");
            for (SourceRetention r : sources) {
                if (r.retentionDays() == null) continue;
                s.append("; ").append(r.source()).append(" (").append(r.retentionDays()).append(" days): ")
                        .append(r.removed()).append(" removed, ").append(r.expired()).append(" expired, ")
                        .append(r.held()).append(" held");
            }
            return s.append("; sha256 ").append(digest()).toString();
        }
    }

    /** What a run did beyond the plan: entities re-formed and retired, case subjects carried over, rows removed. */
    public record Outcome(Plan plan, int entitiesChanged, int entitiesRetired, int subjectsCarried,
                          Map<String, Integer> rows) {}

    /** Works out what a run as of {@code asOf} would remove; changes nothing. */
    public Plan plan(LocalDate asOf) {
        RetentionStore store = workspace.store().retention();
        Map<String, Long> counts = store.recordCounts();
        Set<RecordKey> held = null;
        List<SourceRetention> sources = new ArrayList<>();
        List<RecordKey> remove = new ArrayList<>();
        long characters = 0;
        for (SourceInfo s : workspace.store().sources()) {
            long records = counts.getOrDefault(s.code(), 0L);
            if (s.retentionDays() == null) {
                sources.add(new SourceRetention(s.code(), null, null, records, 0, 0, 0));
                continue;
            }
            Instant cutoff = cutoff(asOf, s.retentionDays());
            List<RecordKey> expired = store.loadedBefore(s.code(), cutoff);
            if (!expired.isEmpty() && held == null) held = store.held();
            long kept = 0;
            long removed = 0;
            for (RecordKey k : expired) {
                if (held.contains(k)) {
                    kept++;
                } else if (remove.size() < maxPerRun && characters < MAX_KEY_CHARACTERS_PER_RUN) {
                    remove.add(k);
                    characters += k.toString().length() + "record:".length();
                    removed++;
                }
            }
            sources.add(new SourceRetention(s.code(), s.retentionDays(), cutoff, records, expired.size(), kept, removed));
        }
        remove.sort(null);
        return new Plan(asOf, List.copyOf(sources), List.copyOf(remove));
    }

    /** The start of {@code asOf} (UTC) less the period: records loaded before it have expired. */
    static Instant cutoff(LocalDate asOf, int retentionDays) {
        return asOf.atStartOfDay(ZoneOffset.UTC).toInstant().minus(retentionDays, ChronoUnit.DAYS);
    }

    /** Today in UTC: the latest date a run may be as of. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    /**
     * Removes what {@code plan} names (made just before, in the same turn of the store) and answers what it did.
     * A plan as of a day after today would destroy records before their time, and is refused: it is for a dry run.
     */
    public Outcome run(Plan plan, String actor) {
        requireRunnable(plan);
        if (actor == null || actor.isBlank()) throw new IllegalArgumentException("a retention run needs who runs it");
        Instant now = clock.instant();
        Set<RecordKey> gone = new HashSet<>(plan.remove());
        LiveResolver resolver = workspace.resolver();
        List<CaseSubject> carried = carriedSubjects(plan.remove(), gone, resolver);
        LongOpenHashSet touched = new LongOpenHashSet();
        int retired = 0;
        try {
            List<ChangeSet> changes = new ArrayList<>();
            for (RecordKey k : plan.remove()) {
                if (!workspace.isActive(k)) continue; // withdrawn earlier: its row goes, nothing to re-form
                ChangeSet cs = workspace.withdraw(k);
                changes.add(cs);
                Leads.touched(cs, touched);
                for (EntityChange c : cs.changes()) if (c.kind() == EntityChange.Kind.RETIRED) retired++;
            }
            Map<String, Integer> rows;
            try (StoreBatch write = workspace.store().begin()) {
                for (ChangeSet cs : changes) write.apply(cs, now);
                rows = new TreeMap<>(write.purgeRecords(plan.remove(), carried, actor, now));
                for (RecordKey k : plan.remove()) workspace.forget(k);
                new Leads(workspace, PatternCatalog.defaults()).rescan(touched, write);
                int leads = write.deleteRetiredLeads(touched);
                Set<String> names = new HashSet<>();
                for (RecordKey k : plan.remove()) names.add(k.toString());
                write.deleteMentionsOf(names).forEach((table, n) -> rows.merge(table, n, Integer::sum));
                rows.merge("lead", leads, Integer::sum);
                write.commit();
            }
            return new Outcome(plan, touched.size(), retired, carried.size(), rows);
        } catch (RuntimeException e) {
            workspace.reload();
            throw e;
        }
    }

    /**
     * Refuses a plan as of a day after today: that would destroy records before their time. Callers check before
     * they audit the run, so that a refused run leaves no entry naming records it did not remove.
     */
    public void requireRunnable(Plan plan) {
        if (plan.asOf().isAfter(today())) {
            throw new IllegalArgumentException("a run removes what has expired by today (" + today() + "), not by "
                    + plan.asOf() + ": a later date is only for a dry run");
        }
    }

    /**
     * A case whose subject record goes keeps the person: the other records of its entity become subjects, so that
     * need-to-know access, which follows a case's records, does not lapse for what the case still works on.
     */
    private List<CaseSubject> carriedSubjects(List<RecordKey> remove, Set<RecordKey> gone, LiveResolver resolver) {
        Set<CaseSubject> carried = new LinkedHashSet<>();
        workspace.store().retention().subjectCases(remove).forEach((key, cases) -> {
            long entity = resolver.entityOf(key);
            if (entity == 0) return;
            for (RecordKey other : resolver.members(entity)) {
                if (gone.contains(other)) continue;
                for (long caseId : cases) carried.add(new CaseSubject(caseId, other));
            }
        });
        return List.copyOf(carried);
    }
}

package io.relata.app.audit;

import io.relata.store.AuditAlert;
import io.relata.store.AuditAlertStatus;
import io.relata.store.AuditCheckpoint;
import io.relata.store.AuditEntry;
import io.relata.store.AuditStore;
import io.relata.store.NewAuditAlert;
import io.relata.store.RelataStore;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The append-only, tamper-evident record of who did what to personal data. Each {@link #append} is a hash-chain
 * link: hash = SHA-256 of the previous entry's hash and the entry's {@link CanonicalForm}; every
 * {@code checkpointEvery} entries a checkpoint carries the entry's hash with a MAC under the {@link AuditKey}, which
 * lives outside the database. {@link #verify()} finds any entry altered, deleted or moved, and a chain rewritten
 * and re-hashed up to a checkpoint. Unusual activity raises alerts ({@link UnusualActivityRules}).
 *
 * <p>An append is committed before it returns, in its own transaction, or it throws
 * {@link AuditUnavailableException}: the caller then fails the request, so nothing is done unaudited. The store
 * has one connection for one thread at a time: the trail serializes its own calls, and the caller must not use the
 * same store from another thread meanwhile (give the trail a store of its own, opened on the same database, to
 * append while another thread works). Appends are refused while a {@code StoreBatch} is open on the store.
 *
 * <p>Several processes may append to one database: seq is the primary key, so a writer with a stale view of
 * the head fails, re-reads it and tries once more.
 */
public final class AuditTrail {
    public static final int DEFAULT_CHECKPOINT_EVERY = 100;
    /** Longer text is cut: an audit that cannot be stored would fail the request. */
    static final int MAX_TEXT = 1000;
    static final int MAX_DETAIL = 4000;
    /** One entry's objects must fit its JSON column (H2 keeps at most 1,000,000 characters in one value). */
    static final int MAX_OBJECTS = 10_000;
    static final int MAX_OBJECT_CHARACTERS = 500_000;

    private final RelataStore store;
    private final AuditKey key;
    private final Clock clock;
    private final int checkpointEvery;
    private final UnusualActivity activity;
    private final AuditQueries queries;
    /** The last entry: known once loaded, and re-read after any failure. */
    private boolean loaded;
    /** Whether the activity counters hold the store's last week. */
    private boolean counted;
    private long headSeq;
    private String headHash;
    /** The last entry this process appended (0: none): verify checks the store still has it. */
    private long appendedSeq;
    private String appendedHash;

    public AuditTrail(RelataStore store, AuditKey key, Clock clock, int checkpointEvery, UnusualActivityRules rules) {
        this.store = Objects.requireNonNull(store, "store");
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (checkpointEvery < 1) throw new IllegalArgumentException("checkpoints come every 1 or more entries");
        this.checkpointEvery = checkpointEvery;
        this.activity = new UnusualActivity(Objects.requireNonNull(rules, "rules"));
        this.queries = new AuditQueries(store);
    }

    /** A trail with the system clock, a checkpoint every 100 entries and the default alert rules. */
    public AuditTrail(RelataStore store, AuditKey key) {
        this(store, key, Clock.systemUTC(), DEFAULT_CHECKPOINT_EVERY, UnusualActivityRules.defaults());
    }

    /**
     * Records {@code event} and returns its seq, once committed. Text is stored as hashed: NULs and lone surrogates
     * become U+FFFD, and over-long text is cut (detail at 4,000 characters, objects at 500, the rest at 1,000);
     * {@code at} is truncated to microseconds.
     *
     * @throws AuditUnavailableException when it cannot be recorded, or touches more than 10,000 objects (page
     *                                   such an answer): the request must fail
     */
    public synchronized long append(AuditEvent event) {
        AuditEntry unlinked = entryOf(Objects.requireNonNull(event, "event"));
        try {
            load();
            try {
                return write(unlinked);
            } catch (RuntimeException first) {
                // a stale head (another writer appended) or a commit that landed although it reported a failure:
                // re-read the head and see
                loaded = false;
                AuditEntry tried = linked(unlinked, headSeq + 1, headHash);
                try {
                    load();
                } catch (RuntimeException again) {
                    first.addSuppressed(again);
                    throw first;
                }
                if (headSeq == tried.seq() && headHash.equals(tried.hash())) {
                    activity.record(tried, List.of());
                    return recorded(tried);
                }
                if (headSeq < tried.seq()) throw first;
                return write(unlinked);
            }
        } catch (RuntimeException e) {
            loaded = false;
            throw new AuditUnavailableException("cannot record " + event.action() + " by " + event.actor()
                    + " in the audit trail: " + e.getMessage(), e);
        }
    }

    private long write(AuditEntry unlinked) {
        AuditEntry entry = linked(unlinked, headSeq + 1, headHash);
        Instant now = clock.instant();
        List<NewAuditAlert> alerts = activity.alertsFor(entry, now);
        AuditCheckpoint checkpoint = entry.seq() % checkpointEvery == 0
                ? new AuditCheckpoint(entry.seq(), entry.hash(), now, key.mac(entry.seq(), entry.hash())) : null;
        store.audit().append(entry, checkpoint, alerts);
        activity.record(entry, alerts);
        return recorded(entry);
    }

    private long recorded(AuditEntry entry) {
        headSeq = entry.seq();
        headHash = entry.hash();
        appendedSeq = headSeq;
        appendedHash = headHash;
        return headSeq;
    }

    /** What {@code event} stores, cleaned and cut to fit, without its place in the chain yet. */
    private static AuditEntry entryOf(AuditEvent event) {
        List<String> objects = new ArrayList<>(event.objects().size());
        long characters = 0;
        for (String o : event.objects()) {
            String clean = AuditText.clean(o, AuditStore.MAX_OBJECT_LENGTH);
            objects.add(clean);
            characters += clean.length();
        }
        if (objects.size() > MAX_OBJECTS || characters > MAX_OBJECT_CHARACTERS) {
            throw new AuditUnavailableException(event.action() + " by " + event.actor() + " touched " + objects.size()
                    + " objects (" + characters + " characters); one audit entry holds at most " + MAX_OBJECTS + " ("
                    + MAX_OBJECT_CHARACTERS + " characters): return such an answer in pages");
        }
        return new AuditEntry(0, event.at().truncatedTo(ChronoUnit.MICROS), AuditText.clean(event.actor(), MAX_TEXT),
                AuditText.clean(event.clientAddress(), MAX_TEXT), event.caseId(), AuditText.clean(event.purpose(), MAX_TEXT),
                AuditText.clean(event.action(), MAX_TEXT), event.outcome().name(), List.copyOf(objects),
                event.resultCount(), AuditText.clean(event.detail(), MAX_DETAIL), null, null);
    }

    /** {@code e} as entry {@code seq} after {@code prevHash}, with its hash. */
    private static AuditEntry linked(AuditEntry e, long seq, String prevHash) {
        AuditEntry unhashed = new AuditEntry(seq, e.at(), e.actor(), e.clientAddress(), e.caseId(), e.purpose(),
                e.action(), e.outcome(), e.objects(), e.resultCount(), e.detail(), prevHash, null);
        return new AuditEntry(seq, e.at(), e.actor(), e.clientAddress(), e.caseId(), e.purpose(), e.action(),
                e.outcome(), e.objects(), e.resultCount(), e.detail(), prevHash, CanonicalForm.hash(unhashed));
    }

    /** Reads the head and, until it has once succeeded, the last week's activity. */
    private void load() {
        if (loaded) return;
        if (!counted) {
            activity.rebuild(store.audit(), clock.instant());
            counted = true;
        }
        var last = store.audit().last();
        headSeq = last.map(AuditEntry::seq).orElse(0L);
        headHash = last.map(AuditEntry::hash).orElse(CanonicalForm.GENESIS);
        loaded = true;
    }

    /**
     * Checks every entry and checkpoint, streaming the trail in pages (see {@link ChainVerifier} for what it
     * finds); also that the last entry this process appended is still there, unchanged.
     */
    public synchronized AuditVerification verify() {
        return new ChainVerifier(store.audit(), key, checkpointEvery).verify(appendedSeq, appendedHash);
    }

    // ------------------------------------------------------------------------------------------- queries

    /** See {@link AuditQueries#whoLookedAt}. */
    public synchronized List<AuditEntry> whoLookedAt(String object, Instant from, Instant to, int limit, int offset) {
        return queries.whoLookedAt(object, from, to, limit, offset);
    }

    /** See {@link AuditQueries#activityOf}. */
    public synchronized List<AuditEntry> activityOf(String actor, Instant from, Instant to, int limit, int offset) {
        return queries.activityOf(actor, from, to, limit, offset);
    }

    /** Alerts with a status (null for any), oldest first, paged. */
    public synchronized List<AuditAlert> alerts(AuditAlertStatus status, int limit, int offset) {
        return queries.alerts(status, limit, offset);
    }

    /** Marks an open alert reviewed by {@code auditor}, now. */
    public synchronized void reviewAlert(long id, String auditor) {
        queries.reviewAlert(id, auditor, clock.instant());
    }
}

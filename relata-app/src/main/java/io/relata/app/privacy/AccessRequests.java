package io.relata.app.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.app.NotFoundException;
import io.relata.app.Workspace;
import io.relata.core.model.RecordKey;
import io.relata.core.resolve.Explanation;
import io.relata.core.resolve.FeatureEvidence;
import io.relata.store.AccessCandidate;
import io.relata.store.AccessRequest;
import io.relata.store.AccessRequestEvent;
import io.relata.store.AccessRequestStatus;
import io.relata.store.ReleaseDecision;
import io.relata.store.StoredRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Individuals' access requests: registering one finds every record that may be the requester's (the
 * {@link RecordFinder}) and keeps them, ranked, with their explanations; the privacy officer then decides record by
 * record (release, withhold, release in part) and Relata produces the response package. Due dates are tracked.
 */
public final class AccessRequests {
    /** Days from receipt to the due date when the officer gives none. */
    public static final int DEFAULT_DUE_DAYS = 30;
    /** The store setting that holds the days from receipt to the due date, when not the default. */
    public static final String DUE_DAYS_SETTING = "access-request-due-days";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Workspace ws;
    private final Clock clock;
    private final int dueDays;

    public AccessRequests(Workspace ws, Clock clock) {
        this(ws, clock, DEFAULT_DUE_DAYS);
    }

    public AccessRequests(Workspace ws, Clock clock, int dueDays) {
        if (dueDays < 1) throw new IllegalArgumentException("a request is due at least a day after it is received");
        this.ws = ws;
        this.clock = clock;
        this.dueDays = dueDays;
    }

    /** The days from receipt to the due date this store is configured with ({@link #DEFAULT_DUE_DAYS} unless set). */
    public static int dueDays(io.relata.store.RelataStore store) {
        return store.setting(DUE_DAYS_SETTING).map(Integer::parseInt).orElse(DEFAULT_DUE_DAYS);
    }

    /** Configures the days from receipt to the due date (1 to 365). */
    public static void setDueDays(io.relata.store.RelataStore store, int days) {
        if (days < 1 || days > 365) throw new IllegalArgumentException("the days to respond must be 1 to 365, not " + days);
        try (var batch = store.begin()) {
            batch.putSetting(DUE_DAYS_SETTING, Integer.toString(days));
            batch.commit();
        }
    }

    /** A request with what was found for it and its log. */
    public record View(AccessRequest request, Requester requester, List<AccessCandidate> candidates,
                       List<AccessRequestEvent> log) {
        public Map<ReleaseDecision, Long> decided() {
            return candidates.stream().filter(c -> c.decision() != null)
                    .collect(Collectors.groupingBy(AccessCandidate::decision, Collectors.counting()));
        }
    }

    /**
     * Registers a request: {@code received} null is today, {@code due} null is received + the configured days. The
     * records found are kept with the request, ranked.
     */
    public AccessRequest register(Requester requester, String notes, LocalDate received, LocalDate due, String by) {
        LocalDate on = received == null ? LocalDate.now(clock) : received;
        LocalDate dueOn = due == null ? on.plusDays(dueDays) : due;
        List<FoundRecord> found = new RecordFinder(ws).find(requester);
        List<AccessCandidate> candidates = new ArrayList<>(found.size());
        int rank = 0;
        for (FoundRecord f : found) {
            Explanation e = f.explanation();
            candidates.add(AccessCandidate.found(f.record(), ++rank, f.entity(), e.total(), e.probability(),
                    e.outcome().name(), e.matchKey(), explanationJson(e)));
        }
        return ws.store().accessRequests().create(requester.toJson(), notes, on, dueOn, by, clock.instant(), candidates);
    }

    public List<AccessRequest> list(AccessRequestStatus status) {
        return ws.store().accessRequests().list(status);
    }

    public View view(long id) {
        AccessRequest r = ws.store().accessRequests().get(id).orElseThrow(() -> new NotFoundException("no access request " + id));
        return new View(r, Requester.fromJson(r.requester()), ws.store().accessRequests().candidates(id),
                ws.store().accessRequests().events(id));
    }

    /**
     * Decides one record: RELEASE, WITHHOLD or PARTIAL (naming the withheld fields, each a path the record holds),
     * with the exemption or reason (required unless released whole).
     */
    public AccessCandidate decide(long id, RecordKey record, ReleaseDecision decision, List<String> withheldFields,
                                  String reason, String by) {
        List<String> withheld = new ArrayList<>();
        if (withheldFields != null && !withheldFields.isEmpty()) {
            JsonNode content = parse(ws.store().record(record).map(StoredRecord::content)
                    .orElseThrow(() -> new NotFoundException("no record " + record)));
            for (String f : withheldFields) {
                FieldPath path = FieldPath.parse(f);
                if (path.read(content).isMissingNode()) {
                    throw new IllegalArgumentException("record " + record + " has no " + path + " to withhold");
                }
                if (!withheld.contains(path.text())) withheld.add(path.text());
            }
        }
        return ws.store().accessRequests().decide(id, record, decision, withheld, reason, by, clock.instant());
    }

    public AccessRequest changeStatus(long id, AccessRequestStatus status, String note, String by) {
        return ws.store().accessRequests().changeStatus(id, status, by, clock.instant(), note);
    }

    /**
     * The response package: a PDF holding exactly the released records (those released in part without their
     * withheld fields) and, for what was withheld, only counts by exemption. Every record must have a decision.
     */
    public ResponsePackage responsePackage(long id) {
        View v = view(id);
        long undecided = v.candidates().stream().filter(c -> c.decision() == null).count();
        if (undecided > 0) {
            throw new io.relata.store.StoreConflictException("access request " + id + " still has " + undecided
                    + " record(s) without a decision: decide each before producing the response");
        }
        List<RecordKey> released = v.candidates().stream().filter(c -> c.decision() != ReleaseDecision.WITHHOLD)
                .map(AccessCandidate::record).toList();
        Map<RecordKey, String> contents = ws.store().records(released).stream()
                .collect(Collectors.toMap(StoredRecord::key, StoredRecord::content));
        return ResponsePackage.of(v, contents, LocalDate.now(clock));
    }

    /** The records of a request's candidates as stored, by key (the officer's view redacts them). */
    public Map<RecordKey, StoredRecord> records(List<AccessCandidate> candidates) {
        return ws.store().records(candidates.stream().map(AccessCandidate::record).toList()).stream()
                .collect(Collectors.toMap(StoredRecord::key, Function.identity()));
    }

    /** The explanation as kept with a candidate: each feature's level, weight and conflict; the totals. */
    static String explanationJson(Explanation e) {
        ObjectNode n = JSON.createObjectNode().put("total", e.total()).put("prior", e.prior())
                .put("probability", e.probability()).put("outcome", e.outcome().name()).put("match_key", e.matchKey())
                .put("conflict", e.conflict());
        ArrayNode features = n.putArray("features");
        for (FeatureEvidence f : e.features()) {
            features.addObject().put("feature", f.feature().name()).put("level", f.level()).put("weight", f.weight())
                    .put("conflict", f.conflict());
        }
        return n.toString();
    }

    /** A readable line of a kept explanation: each feature's level and weight. */
    public static String explanationText(String json) {
        JsonNode n = parse(json);
        List<String> parts = new ArrayList<>();
        for (JsonNode f : n.path("features")) {
            parts.add(String.format(java.util.Locale.ROOT, "%s %s %+.2f%s", f.path("feature").asText(), f.path("level").asText(),
                    f.path("weight").asDouble(), f.path("conflict").asBoolean() ? " (conflict)" : ""));
        }
        return String.join("; ", parts);
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("stored JSON that does not parse", e);
        }
    }
}

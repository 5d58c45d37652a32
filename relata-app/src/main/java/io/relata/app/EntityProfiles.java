package io.relata.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relata.app.privacy.FieldPath;
import io.relata.core.model.RecordKey;
import io.relata.core.standardize.DateStandardizer;
import io.relata.store.Correction;
import io.relata.store.EntityView;
import io.relata.store.RelataStore;
import io.relata.store.StoredRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Reads entity profiles straight from the store: no resolver is needed to look at what is resolved. */
public final class EntityProfiles {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateStandardizer DATES = new DateStandardizer();
    private final RelataStore store;

    public EntityProfiles(RelataStore store) {
        this.store = store;
    }

    public Optional<EntityProfile> entity(long id) {
        return store.entity(id).map(this::profile);
    }

    /** The profile of the entity a record belongs to. */
    public Optional<EntityProfile> entityOf(RecordKey key) {
        var id = store.entityOf(key);
        return id.isPresent() ? entity(id.getAsLong()) : Optional.empty();
    }

    private EntityProfile profile(EntityView e) {
        Map<String, Map<String, Set<RecordKey>>> values = new LinkedHashMap<>();
        Map<RecordKey, List<String>> problems = new TreeMap<>();
        List<EntityProfile.TimelineEvent> timeline = new ArrayList<>();
        for (StoredRecord r : e.records()) {
            JsonNode f = parse(r.features());
            for (JsonNode n : f.path("names")) {
                add(values, "given name", n.path("given"), r.key());
                add(values, "surname", n.path("surname"), r.key());
            }
            for (JsonNode n : f.path("organizationNames")) add(values, "organization name", n.path("name"), r.key());
            add(values, "dob", f.path("dob"), r.key());
            add(values, "gender", f.path("gender"), r.key());
            for (JsonNode v : f.path("nationalities")) add(values, "nationality", v, r.key());
            for (JsonNode v : f.path("phones")) add(values, "phone", v, r.key());
            for (JsonNode v : f.path("emails")) add(values, "email", v, r.key());
            for (JsonNode id : f.path("identifiers")) {
                add(values, "identifier " + id.path("type").asText(), id.path("value"), r.key());
            }
            for (JsonNode v : f.path("addresses")) add(values, "address", v, r.key());
            List<String> recordProblems = new ArrayList<>();
            for (JsonNode v : f.path("problems")) recordProblems.add(v.asText());
            if (!recordProblems.isEmpty()) problems.put(r.key(), List.copyOf(recordProblems));
            for (JsonNode ev : parse(r.content()).path("events")) {
                timeline.add(new EntityProfile.TimelineEvent(text(ev, "date"), text(ev, "type"), text(ev, "place"),
                        text(ev, "ref"), r.key()));
            }
        }
        timeline.sort(TIMELINE_ORDER);
        List<String> conflicting = new ArrayList<>();
        values.forEach((field, byValue) -> {
            if (byValue.size() > 1) conflicting.add(field);
        });
        return new EntityProfile(e.id(), e.recordCount(), e.createdAt(), e.updatedAt(), e.retiredAt(), e.records(),
                values, conflicting, e.history(), e.loadedAt(), timeline, problems, corrections(e.records()));
    }

    /** The accepted corrections of the records, each beside the value the record gives. */
    private List<EntityProfile.CorrectedValue> corrections(List<StoredRecord> records) {
        Map<RecordKey, StoredRecord> byKey = new TreeMap<>();
        for (StoredRecord r : records) byKey.put(r.key(), r);
        List<EntityProfile.CorrectedValue> out = new ArrayList<>();
        for (Correction c : store.corrections().acceptedFor(byKey.keySet())) {
            String source = FieldPath.parse(c.field()).readText(parse(byKey.get(c.record()).content()));
            out.add(new EntityProfile.CorrectedValue(c.id(), c.record(), c.field(), source, c.requestedValue(), c.reason(),
                    c.decidedBy(), c.decidedAt(), c.decisionNote()));
        }
        return out;
    }

    /** Events by date as read (year, month, day; a partial date before the full dates it covers), unreadable dates last. */
    static final Comparator<EntityProfile.TimelineEvent> TIMELINE_ORDER = Comparator
            .comparingInt((EntityProfile.TimelineEvent t) -> sortableDate(t.date()))
            .thenComparing(t -> t.record());

    private static int sortableDate(String date) {
        if (date == null || date.isBlank()) return Integer.MAX_VALUE;
        try {
            DateStandardizer.StandardDate d = DATES.parse(date);
            return d == null ? Integer.MAX_VALUE : d.year() * 10_000 + d.month() * 100 + d.day();
        } catch (RuntimeException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    private static void add(Map<String, Map<String, Set<RecordKey>>> values, String field, JsonNode value,
                            RecordKey source) {
        if (value.isMissingNode() || value.isNull() || value.asText().isEmpty()) return;
        values.computeIfAbsent(field, k -> new TreeMap<>()).computeIfAbsent(value.asText(), k -> new TreeSet<>())
                .add(source);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("stored features are not JSON", e);
        }
    }
}

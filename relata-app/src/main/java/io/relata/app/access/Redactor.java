package io.relata.app.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.app.EntityProfile;
import io.relata.core.model.RecordKey;
import io.relata.core.relate.Evidence;
import io.relata.core.relate.Relation;
import io.relata.core.standardize.IdentifierStandardizer.StandardIdentifier;
import io.relata.core.standardize.RecordFeatures;
import io.relata.store.EntityEvent;
import io.relata.store.SourceInfo;
import io.relata.store.StoredRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What one user may see of what a use case answers. Records of a source whose access label the user is not
 * cleared for are left out, with every value and relation that only they give; biometrics need
 * {@link Permission#VIEW_BIOMETRICS}; identifier numbers are shortened to their first and last two characters
 * without {@link Permission#VIEW_FULL_IDENTIFIERS}. Every user is cleared for {@link SourceInfo#DEFAULT_ACCESS_LABEL}.
 * A profile's history keeps every step, but a step a hidden record caused does not name it.
 */
public final class Redactor {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final User user;
    private final Map<String, String> labelOfSource = new HashMap<>();

    public Redactor(User user, List<SourceInfo> sources) {
        this.user = user;
        for (SourceInfo s : sources) labelOfSource.put(s.code(), s.accessLabel());
    }

    public boolean canSee(RecordKey record) {
        String label = labelOfSource.getOrDefault(record.source(), SourceInfo.DEFAULT_ACCESS_LABEL);
        return label.equals(SourceInfo.DEFAULT_ACCESS_LABEL) || user.clearances().contains(label);
    }

    /** The profile with only the records the user may see, and their values, redacted. */
    public EntityProfile profile(EntityProfile p) {
        List<StoredRecord> records = new ArrayList<>();
        for (StoredRecord r : p.records()) {
            if (canSee(r.key())) {
                // the standardized features hold identifiers in full: a redacted profile carries none
                records.add(new StoredRecord(r.key(), r.contentHash(), content(r.content()), "{}", r.entityId()));
            }
        }
        Map<String, Map<String, Set<RecordKey>>> values = new LinkedHashMap<>();
        p.values().forEach((field, byValue) -> byValue.forEach((value, sources) -> {
            Set<RecordKey> visible = new TreeSet<>();
            for (RecordKey k : sources) if (canSee(k)) visible.add(k);
            if (visible.isEmpty()) return;
            String shown = value(field, value);
            if (shown == null) return;
            values.computeIfAbsent(field, f -> new TreeMap<>()).computeIfAbsent(shown, v -> new TreeSet<>()).addAll(visible);
        }));
        List<String> conflicting = new ArrayList<>();
        values.forEach((field, byValue) -> {
            if (byValue.size() > 1) conflicting.add(field);
        });
        // the history stays whole (that the entity changed is no secret), but a step caused by a record the user may
        // not see does not name it
        List<EntityEvent> history = new ArrayList<>(p.history().size());
        for (EntityEvent e : p.history()) {
            history.add(e.trigger() == null || canSee(e.trigger()) ? e
                    : new EntityEvent(e.entityId(), e.at(), e.kind(), null, e.otherEntity(), e.matchKey()));
        }
        // load dates, events and data-quality problems come only from the records the user may see
        Map<RecordKey, java.time.Instant> loadedAt = new HashMap<>();
        p.loadedAt().forEach((k, at) -> {
            if (canSee(k)) loadedAt.put(k, at);
        });
        List<EntityProfile.TimelineEvent> timeline = new ArrayList<>();
        for (EntityProfile.TimelineEvent e : p.timeline()) if (canSee(e.record())) timeline.add(e);
        Map<RecordKey, List<String>> problems = new TreeMap<>();
        p.problems().forEach((k, list) -> {
            if (!canSee(k)) return;
            List<String> shown = new ArrayList<>(list.size());
            for (String problem : list) shown.add(problem(problem));
            problems.put(k, shown);
        });
        // corrections of the records the user may see, their values redacted like the records'
        List<EntityProfile.CorrectedValue> corrections = new ArrayList<>();
        for (EntityProfile.CorrectedValue c : p.corrections()) {
            if (!canSee(c.record())) continue;
            corrections.add(new EntityProfile.CorrectedValue(c.correction(), c.record(), c.field(),
                    correctedValue(c.field(), c.sourceValue()), correctedValue(c.field(), c.correctedValue()), c.reason(),
                    c.decidedBy(), c.decidedAt(), c.note()));
        }
        return new EntityProfile(p.id(), records.size(), p.createdAt(), p.updatedAt(), p.retiredAt(), records, values,
                conflicting, history, loadedAt, timeline, problems, corrections);
    }

    /** A value of a record's field as the user may see it: identifiers shortened, biometrics with their permission. */
    public String correctedValue(String field, String value) {
        if (value == null) return null;
        if (field.startsWith("identifiers")) return identifier(value);
        if (field.startsWith("biometrics") && !user.permissions().contains(Permission.VIEW_BIOMETRICS)) {
            return "[withheld: needs " + Permission.VIEW_BIOMETRICS + "]";
        }
        return value;
    }

    /** A standardization problem as the user may see it: an identifier it quotes ("identifiers: TYPE 'value': ...") shortened. */
    String problem(String problem) {
        if (!problem.startsWith("identifiers: ") || user.permissions().contains(Permission.VIEW_FULL_IDENTIFIERS)) return problem;
        int open = problem.indexOf('\'');
        int close = open < 0 ? -1 : problem.indexOf("': ", open + 1);
        if (close < 0) return "identifiers: [withheld: needs " + Permission.VIEW_FULL_IDENTIFIERS + "]";
        return problem.substring(0, open + 1) + shorten(problem.substring(open + 1, close)) + problem.substring(close);
    }

    /** The relation with only the evidence the user may see (null when none is left), identifiers shortened. */
    public Relation relation(Relation r) {
        List<Evidence> kept = new ArrayList<>();
        for (Evidence e : r.evidence()) {
            if (!canSee(e.from()) || !canSee(e.to())) continue;
            String detail = e.type() == io.relata.core.relate.RelationType.SHARED_IDENTIFIER ? identifier(e.detail()) : e.detail();
            kept.add(new Evidence(e.type(), detail, e.from(), e.to(), e.sharedBy(), e.strength()));
        }
        if (kept.isEmpty()) return null;
        double none = 1;
        for (Evidence e : kept) none *= 1 - Math.min(1, e.strength());
        return new Relation(r.from(), r.to(), 1 - none, kept);
    }

    /**
     * Free text that quotes records (a lead's evidence, written when the pattern found it) as the user may see it: a
     * record of a source the user is not cleared for is not named, and without {@link Permission#VIEW_FULL_IDENTIFIERS}
     * every identifier those records hold is shortened wherever the text quotes it. {@code features} gives a
     * record's standardized values (null when it has none any more).
     */
    public String quoting(String text, Collection<RecordKey> records, Function<RecordKey, RecordFeatures> features) {
        boolean full = user.permissions().contains(Permission.VIEW_FULL_IDENTIFIERS);
        String out = text;
        for (RecordKey k : records) {
            if (!canSee(k)) out = out.replace(k.toString(), HIDDEN_RECORD);
            RecordFeatures f = full ? null : features.apply(k);
            if (f == null) continue;
            for (StandardIdentifier id : f.identifiers()) {
                // shorter values could stand inside other numbers the text quotes (a phone, a date)
                if (id.value().length() >= 5) out = out.replace(id.value(), shorten(id.value()));
            }
        }
        return out;
    }

    /** How a record of a source the user is not cleared for is named where text would quote it. */
    public static final String HIDDEN_RECORD = "(a record of a source you are not cleared for)";

    /** A record's content as received, without biometrics and with identifiers shortened, as the user may see it. */
    public String content(String json) {
        if (user.permissions().contains(Permission.VIEW_BIOMETRICS) && user.permissions().contains(Permission.VIEW_FULL_IDENTIFIERS)) {
            return json;
        }
        try {
            ObjectNode n = (ObjectNode) JSON.readTree(json);
            if (!user.permissions().contains(Permission.VIEW_BIOMETRICS) && n.has("biometrics")) {
                n.remove("biometrics");
                n.put("biometrics", "[withheld: needs " + Permission.VIEW_BIOMETRICS + "]");
            }
            if (!user.permissions().contains(Permission.VIEW_FULL_IDENTIFIERS)) {
                for (JsonNode id : n.path("identifiers")) {
                    if (id instanceof ObjectNode o && o.has("value")) o.put("value", shorten(o.path("value").asText()));
                }
            }
            return JSON.writeValueAsString(n);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored record is not JSON", e);
        }
    }

    /**
     * A profile's value as the user may see it: an identifier shortened without the permission to see it whole, a
     * biometric (a field named biometric...) only with {@link Permission#VIEW_BIOMETRICS}, else null.
     */
    public String value(String field, String value) {
        if (field.startsWith("identifier")) return identifier(value);
        if (field.startsWith("biometric")) return user.permissions().contains(Permission.VIEW_BIOMETRICS) ? value : null;
        return value;
    }

    /** An identifier as the user may see it: whole with the permission, else its first and last two characters. */
    public String identifier(String value) {
        return user.permissions().contains(Permission.VIEW_FULL_IDENTIFIERS) ? value : shorten(value);
    }

    static String shorten(String value) {
        // an identifier shown with its type ("PASSPORT X1234567 (GB)") keeps the type and country
        String[] parts = value.split(" ");
        int longest = 0;
        for (int i = 1; i < parts.length; i++) if (parts[i].length() > parts[longest].length()) longest = i;
        String v = parts[longest];
        parts[longest] = v.length() <= 4 ? "*".repeat(v.length())
                : v.substring(0, 2) + "*".repeat(v.length() - 4) + v.substring(v.length() - 2);
        return String.join(" ", parts);
    }
}

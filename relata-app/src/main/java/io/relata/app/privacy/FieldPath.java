package io.relata.app.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path to one value of a canonical record (record-format.md): {@code dob}, {@code names[0].surname},
 * {@code addresses[1]}, {@code identifiers[0].value}, {@code attributes.employer}. Only the format's fields are
 * accepted, so a correction or a withheld field always names something a record can hold.
 */
public record FieldPath(String text, List<Step> steps) {
    /** One step: a field name, and the index into it when it is a list (-1 otherwise). */
    public record Step(String field, int index) {}

    private static final Pattern STEP = Pattern.compile("([a-z0-9_]+)(?:\\[(\\d{1,4})])?", Pattern.CASE_INSENSITIVE);
    private static final Set<String> SCALARS = Set.of("dob", "gender", "type");
    private static final Set<String> TEXT_LISTS = Set.of("nationalities", "phones", "emails");
    private static final Map<String, Set<String>> OBJECT_LISTS = Map.of(
            "names", Set.of("full", "given", "middle", "surname", "use"),
            "addresses", Set.of("full", "line1", "line2", "city", "region", "postcode", "country"),
            "identifiers", Set.of("type", "value", "country"),
            "relationships", Set.of("type", "source", "id", "role"),
            "events", Set.of("type", "date", "place", "ref"));

    public static FieldPath parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("name the field, e.g. dob or names[0].surname");
        String t = text.strip();
        List<Step> steps = new ArrayList<>();
        for (String part : t.split("\\.", -1)) {
            Matcher m = STEP.matcher(part);
            if (!m.matches()) throw invalid(t, "'" + part + "' is not a field name with an optional [index]");
            steps.add(new Step(m.group(1), m.group(2) == null ? -1 : Integer.parseInt(m.group(2))));
        }
        Step first = steps.get(0);
        String f = first.field();
        if (SCALARS.contains(f)) {
            if (steps.size() != 1 || first.index() >= 0) throw invalid(t, f + " is a single value");
        } else if (TEXT_LISTS.contains(f)) {
            if (steps.size() != 1 || first.index() < 0) throw invalid(t, f + " is a list of values: " + f + "[0]");
        } else if (OBJECT_LISTS.containsKey(f)) {
            if (first.index() < 0) throw invalid(t, f + " is a list: " + f + "[0] or " + f + "[0].field");
            if (steps.size() > 2) throw invalid(t, "too deep");
            if (steps.size() == 2 && (steps.get(1).index() >= 0 || !OBJECT_LISTS.get(f).contains(steps.get(1).field()))) {
                throw invalid(t, f + " entries hold " + String.join(", ", new java.util.TreeSet<>(OBJECT_LISTS.get(f))));
            }
        } else if (f.equals("attributes")) {
            if (first.index() >= 0 || steps.size() != 2 || steps.get(1).index() >= 0) throw invalid(t, "attributes.NAME");
        } else {
            throw invalid(t, "no field '" + f + "' in a record: dob, gender, names, addresses, phones, emails, "
                    + "nationalities, identifiers, relationships, events or attributes");
        }
        return new FieldPath(t, List.copyOf(steps));
    }

    private static IllegalArgumentException invalid(String path, String why) {
        return new IllegalArgumentException("field '" + path + "' is not a path into a record: " + why);
    }

    /** The value at this path in a record's content, or a missing node when the record gives none. */
    public JsonNode read(JsonNode content) {
        JsonNode n = content;
        for (Step s : steps) {
            n = n.path(s.field());
            if (s.index() >= 0) n = n.isArray() ? n.path(s.index()) : MissingNode.getInstance();
        }
        return n;
    }

    /** The value as text for a person (an object as its fields joined), null when the record gives none. */
    public String readText(JsonNode content) {
        JsonNode v = read(content);
        if (v.isMissingNode() || v.isNull()) return null;
        if (v.isValueNode()) return v.asText();
        List<String> parts = new ArrayList<>();
        v.fields().forEachRemaining(e -> parts.add(e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        return String.join(", ", parts);
    }

    /** Removes the value at this path from {@code content}, which must be a copy; false when there was none. */
    public boolean remove(ObjectNode content) {
        JsonNode parent = content;
        for (int i = 0; i < steps.size() - 1; i++) {
            Step s = steps.get(i);
            parent = parent.path(s.field());
            if (s.index() >= 0) parent = parent.path(s.index());
        }
        Step last = steps.get(steps.size() - 1);
        if (!(parent instanceof ObjectNode o) || !o.has(last.field())) return false;
        if (last.index() < 0) {
            o.remove(last.field());
            return true;
        }
        if (!(o.get(last.field()) instanceof ArrayNode a) || last.index() >= a.size()) return false;
        a.set(last.index(), com.fasterxml.jackson.databind.node.NullNode.getInstance());
        return true;
    }

    @Override
    public String toString() {
        return text;
    }
}

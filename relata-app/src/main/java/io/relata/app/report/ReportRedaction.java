package io.relata.app.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.app.access.Redactor;
import io.relata.core.model.RecordKey;
import io.relata.core.relate.Evidence;
import io.relata.core.relate.Relation;
import io.relata.core.relate.RelationType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A version's snapshot as one reader may see it, through their {@link Redactor}: values, events, names and evidence
 * only a record the reader is not cleared for gives are left out, identifiers shortened without the permission to see
 * them whole, biometrics left out without theirs; a relation left without evidence is not drawn, nor an entity left
 * without a relation (unless the report covers it). Sources are named by code only. Whatever the copy shows, it
 * notes the record it came from, so the copy knows exactly whose data it holds.
 */
public final class ReportRedaction {
    private ReportRedaction() {}

    public static ReportContent redact(long reportId, int version, JsonNode snapshot, Redactor redactor) {
        if (snapshot.path("format").asInt() != ReportComposer.FORMAT) {
            throw new IllegalStateException("a report snapshot of format " + snapshot.path("format") + " is not known here");
        }
        Set<RecordKey> held = new TreeSet<>();
        List<ReportContent.EntitySummary> entities = new ArrayList<>();
        Set<Long> covered = new HashSet<>();
        for (JsonNode e : snapshot.path("entities")) {
            long id = e.path("entity").asLong();
            covered.add(id);
            String label = label(id, e.path("labels"), redactor, held);
            Set<String> sources = new TreeSet<>();
            for (JsonNode r : e.path("records")) {
                RecordKey k = RecordKey.parse(r.asText());
                if (redactor.canSee(k)) sources.add(k.source());
            }
            List<ReportContent.Value> values = new ArrayList<>();
            for (JsonNode v : e.path("values")) {
                List<RecordKey> from = visible(v.path("records"), redactor);
                if (from.isEmpty()) continue;
                String shown = redactor.value(v.path("field").asText(), v.path("value").asText());
                if (shown == null) continue;
                held.addAll(from);
                values.add(new ReportContent.Value(v.path("field").asText(), shown, sources(from)));
            }
            List<ReportContent.Event> timeline = new ArrayList<>();
            for (JsonNode t : e.path("timeline")) {
                RecordKey k = RecordKey.parse(t.path("record").asText());
                if (!redactor.canSee(k)) continue;
                held.add(k);
                timeline.add(new ReportContent.Event(text(t, "date"), text(t, "type"), text(t, "place"), text(t, "ref"), k.source()));
            }
            entities.add(new ReportContent.EntitySummary(id, label, List.copyOf(sources), values, timeline));
        }
        JsonNode c = snapshot.path("chart");
        ReportContent.Chart chart = c.isObject() ? chart(c, covered, redactor, held) : null;
        return new ReportContent(reportId, version, snapshot.path("case_name").asText(), snapshot.path("title").asText(),
                snapshot.path("markings").asText(), text(snapshot, "handling"), text(snapshot, "narrative"), entities, chart, held);
    }

    private static ReportContent.Chart chart(JsonNode c, Set<Long> covered, Redactor redactor, Set<RecordKey> held) {
        List<ReportContent.Edge> edges = new ArrayList<>();
        Set<Long> linked = new HashSet<>();
        for (JsonNode e : c.path("edges")) {
            List<Evidence> evidence = new ArrayList<>();
            for (JsonNode x : e.path("evidence")) {
                evidence.add(new Evidence(RelationType.valueOf(x.path("type").asText()), x.path("detail").asText(),
                        RecordKey.parse(x.path("from_record").asText()), RecordKey.parse(x.path("to_record").asText()),
                        x.path("shared_by").asInt(), x.path("strength").asDouble()));
            }
            if (evidence.isEmpty()) continue;
            Relation visible = redactor.relation(new Relation(e.path("from").asLong(), e.path("to").asLong(),
                    e.path("strength").asDouble(), evidence));
            if (visible == null) continue;
            List<ReportContent.EvidenceRow> rows = new ArrayList<>();
            for (Evidence x : visible.evidence()) {
                held.add(x.from());
                held.add(x.to());
                rows.add(new ReportContent.EvidenceRow(x.type().name(), x.detail(), x.from().source(), x.to().source(),
                        x.sharedBy(), x.strength()));
            }
            edges.add(new ReportContent.Edge(visible.from(), visible.to(), visible.strength(), rows));
            linked.add(visible.from());
            linked.add(visible.to());
        }
        List<ReportContent.Node> nodes = new ArrayList<>();
        Map<Long, String> labels = new HashMap<>();
        for (JsonNode n : c.path("nodes")) {
            long id = n.path("entity").asLong();
            if (!linked.contains(id) && !covered.contains(id)) continue;
            String label = label(id, n.path("labels"), redactor, held);
            labels.put(id, label);
            nodes.add(new ReportContent.Node(id, label, n.path("hops").asInt(), covered.contains(id)));
        }
        String description = c.path("kind").asText().equals(ChartSpec.Kind.NETWORK.name())
                ? "Possible connections within " + c.path("hops").asInt() + " hop(s) of " + labels.getOrDefault(c.path("from").asLong(), "the subject")
                + (c.path("truncated").asBoolean() ? " (cut off at " + ChartSpec.MAX_NODES + " entities)" : "")
                : "The strongest paths between " + labels.getOrDefault(c.path("from").asLong(), "the first subject") + " and "
                + labels.getOrDefault(c.path("to").asLong(), "the second subject");
        return new ReportContent.Chart(c.path("kind").asText(), description, nodes, edges);
    }

    /** The first name a record the reader may see gives the entity; "entity N" when none does. */
    private static String label(long entity, JsonNode labels, Redactor redactor, Set<RecordKey> held) {
        for (JsonNode l : labels) {
            RecordKey k = RecordKey.parse(l.path("record").asText());
            if (!redactor.canSee(k)) continue;
            held.add(k);
            return l.path("label").asText();
        }
        return "entity " + entity;
    }

    private static List<RecordKey> visible(JsonNode keys, Redactor redactor) {
        List<RecordKey> out = new ArrayList<>();
        for (JsonNode k : keys) {
            RecordKey key = RecordKey.parse(k.asText());
            if (redactor.canSee(key)) out.add(key);
        }
        return out;
    }

    private static List<String> sources(List<RecordKey> keys) {
        Set<String> s = new TreeSet<>();
        for (RecordKey k : keys) s.add(k.source());
        return List.copyOf(s);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }
}

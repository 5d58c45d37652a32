package io.relata.app.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.app.EntityProfile;
import io.relata.app.EntityProfiles;
import io.relata.app.NotFoundException;
import io.relata.app.Workspace;
import io.relata.core.relate.Evidence;
import io.relata.core.relate.GraphPath;
import io.relata.core.relate.Network;
import io.relata.core.relate.NetworkExplorer;
import io.relata.core.relate.PathFinder;
import io.relata.core.relate.Relation;
import io.relata.core.relate.RelationFilter;
import com.fasterxml.jackson.databind.JsonNode;
import io.relata.store.CaseFile;
import io.relata.store.StoredRecord;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Freezes a draft into a version's snapshot: everything the report shows, unredacted and with the records each
 * piece comes from, so that each reader's copy can be redacted for them later and what is approved is what leaves,
 * whatever the data does afterwards. Never record content as received: only standardized values, events, labels
 * and relations' evidence.
 */
public final class ReportComposer {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The snapshot's layout; a reader refuses one it does not know. */
    public static final int FORMAT = 1;
    private final Workspace ws;

    public ReportComposer(Workspace ws) {
        this.ws = ws;
    }

    public ObjectNode compose(CaseFile caseFile, ReportDraft draft, String author, Instant at) {
        ObjectNode n = JSON.createObjectNode();
        n.put("format", FORMAT).put("case_id", caseFile.id()).put("case_name", caseFile.name())
                .put("composed_by", author).put("composed_at", at.toString());
        n.put("title", draft.title()).put("markings", draft.markings()).put("handling", draft.handling())
                .put("narrative", draft.narrative());
        ArrayNode entities = n.putArray("entities");
        EntityProfiles profiles = new EntityProfiles(ws.store());
        for (long id : draft.entities()) {
            EntityProfile p = profiles.entity(id).filter(x -> x.retiredAt() == null)
                    .orElseThrow(() -> new NotFoundException("no entity " + id));
            ObjectNode e = entities.addObject().put("entity", id);
            e.set("labels", labels(id));
            ArrayNode records = e.putArray("records");
            p.records().forEach(r -> records.add(r.key().toString()));
            ArrayNode values = e.putArray("values");
            p.values().forEach((field, byValue) -> byValue.forEach((value, keys) -> {
                ObjectNode v = values.addObject().put("field", field).put("value", value);
                keys(v.putArray("records"), keys);
            }));
            ArrayNode timeline = e.putArray("timeline");
            for (EntityProfile.TimelineEvent t : p.timeline()) {
                timeline.addObject().put("date", t.date()).put("type", t.type()).put("place", t.place()).put("ref", t.ref())
                        .put("record", t.record().toString());
            }
        }
        if (draft.chart() != null) n.set("chart", chart(draft.chart()));
        return n;
    }

    private ObjectNode chart(ChartSpec spec) {
        ObjectNode c = JSON.createObjectNode().put("kind", spec.kind().name()).put("from", spec.from());
        Map<Long, Integer> nodes = new LinkedHashMap<>(); // entity → hops from the chart's start
        Map<String, Relation> edges = new LinkedHashMap<>();
        if (spec.kind() == ChartSpec.Kind.NETWORK) {
            c.put("hops", spec.hops());
            Network net = new NetworkExplorer(ws.graph()).network(spec.from(), spec.hops(), RelationFilter.ALL, ChartSpec.MAX_NODES);
            for (Network.Node node : net.nodes()) nodes.put(node.entity(), node.hops());
            for (Relation r : net.edges()) edges.putIfAbsent(edgeKey(r), r);
            c.put("truncated", net.truncated());
        } else {
            c.put("to", spec.to());
            nodes.put(spec.from(), 0);
            for (GraphPath p : new PathFinder(ws.graph()).strongest(spec.from(), spec.to(), ChartSpec.PATHS,
                    ChartSpec.MAX_PATH_HOPS, ChartSpec.MAX_DEGREE, RelationFilter.ALL)) {
                for (int i = 0; i < p.entities().size(); i++) nodes.merge(p.entities().get(i), i, Math::min);
                for (Relation r : p.hops()) edges.putIfAbsent(edgeKey(r), r);
            }
            nodes.putIfAbsent(spec.to(), ChartSpec.MAX_PATH_HOPS);
        }
        ArrayNode nodeList = c.putArray("nodes");
        nodes.forEach((id, hops) -> {
            ObjectNode x = nodeList.addObject().put("entity", id).put("hops", hops);
            x.set("labels", labels(id));
        });
        ArrayNode edgeList = c.putArray("edges");
        for (Relation r : edges.values()) {
            ObjectNode x = edgeList.addObject().put("from", r.from()).put("to", r.to()).put("strength", r.strength());
            ArrayNode ev = x.putArray("evidence");
            for (Evidence e : r.evidence()) {
                ev.addObject().put("type", e.type().name()).put("detail", e.detail()).put("from_record", e.from().toString())
                        .put("to_record", e.to().toString()).put("shared_by", e.sharedBy()).put("strength", e.strength());
            }
        }
        return c;
    }

    private static String edgeKey(Relation r) {
        return Math.min(r.from(), r.to()) + "-" + Math.max(r.from(), r.to());
    }

    /**
     * The name each of an entity's records gives it, as the record wrote it (its first name, a person's or an
     * organization's), so that a reader's label comes from a record they may see. A record that names nobody gives no label.
     */
    private ArrayNode labels(long entity) {
        ArrayNode out = JSON.createArrayNode();
        var view = ws.store().entity(entity);
        if (view.isEmpty()) return out;
        for (StoredRecord r : view.get().records()) {
            String label = name(r.content());
            if (label != null) out.addObject().put("record", r.key().toString()).put("label", label);
        }
        return out;
    }

    private static String name(String content) {
        JsonNode n;
        try {
            n = JSON.readTree(content);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a stored record is not JSON", e);
        }
        for (JsonNode name : n.path("names")) {
            String full = name.path("full").asText("");
            if (full.isBlank()) full = (name.path("given").asText("") + " " + name.path("surname").asText("")).strip();
            if (!full.isBlank()) return full.strip();
        }
        return null;
    }

    private static void keys(ArrayNode into, Set<io.relata.core.model.RecordKey> keys) {
        keys.forEach(k -> into.add(k.toString()));
    }
}

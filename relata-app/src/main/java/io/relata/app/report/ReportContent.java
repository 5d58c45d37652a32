package io.relata.app.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.core.model.RecordKey;

import java.util.List;
import java.util.Set;

/**
 * A report version as one reader may see it: what its PDF, HTML and JSON show. Sources are named by their code only,
 * never a record; {@code records} (not shown) are the records whose data it holds, for the accounting of disclosures.
 */
public record ReportContent(long reportId, int version, String caseName, String title, String markings, String handling,
                            String narrative, List<EntitySummary> entities, Chart chart, Set<RecordKey> records) {

    public record EntitySummary(long entity, String label, List<String> sources, List<Value> values, List<Event> timeline) {}

    public record Value(String field, String value, List<String> sources) {}

    public record Event(String date, String type, String place, String ref, String source) {}

    /** The chart: a NETWORK or PATH; a node's hops is its distance from the chart's start, for the layout. */
    public record Chart(String kind, String description, List<Node> nodes, List<Edge> edges) {
        public boolean isEmpty() {
            return nodes.isEmpty();
        }
    }

    public record Node(long entity, String label, int hops, boolean covered) {}

    public record Edge(long from, long to, double strength, List<EvidenceRow> evidence) {}

    public record EvidenceRow(String type, String detail, String fromSource, String toSource, int sharedBy, double strength) {
        /** The kind of evidence as people read it: SHARED_PHONE as "shared phone". */
        public String kind() {
            return type.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }

    /** The content as JSON: what a partner's view shows beside the documents. */
    public ObjectNode toJson() {
        ObjectNode n = ReportComposer.JSON.createObjectNode();
        n.put("report", reportId).put("version", version).put("case", caseName).put("title", title).put("markings", markings)
                .put("handling", handling).put("narrative", narrative);
        ArrayNode es = n.putArray("entities");
        for (EntitySummary e : entities) {
            ObjectNode x = es.addObject().put("label", e.label());
            e.sources().forEach(x.putArray("sources")::add);
            ArrayNode vs = x.putArray("values");
            for (Value v : e.values()) {
                ObjectNode y = vs.addObject().put("field", v.field()).put("value", v.value());
                v.sources().forEach(y.putArray("sources")::add);
            }
            ArrayNode ts = x.putArray("timeline");
            for (Event t : e.timeline()) {
                ts.addObject().put("date", t.date()).put("type", t.type()).put("place", t.place()).put("ref", t.ref())
                        .put("source", t.source());
            }
        }
        if (chart != null) {
            ObjectNode c = n.putObject("chart").put("kind", chart.kind()).put("description", chart.description());
            ArrayNode ns = c.putArray("nodes");
            for (Node x : chart.nodes()) ns.addObject().put("id", x.entity()).put("label", x.label()).put("covered", x.covered());
            ArrayNode ed = c.putArray("edges");
            for (Edge x : chart.edges()) {
                ObjectNode y = ed.addObject().put("from", x.from()).put("to", x.to()).put("strength", round(x.strength()));
                ArrayNode ev = y.putArray("evidence");
                for (EvidenceRow r : x.evidence()) {
                    ev.addObject().put("type", r.type()).put("detail", r.detail()).put("from_source", r.fromSource())
                            .put("to_source", r.toSource()).put("shared_by", r.sharedBy()).put("strength", round(r.strength()));
                }
            }
        }
        return n;
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** A node's label by entity id, or "entity N" when the chart does not show it. */
    public String label(long entity) {
        if (chart != null) for (Node n : chart.nodes()) if (n.entity() == entity) return n.label();
        for (EntitySummary e : entities) if (e.entity() == entity) return e.label();
        return "entity " + entity;
    }
}

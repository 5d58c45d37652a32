package io.relata.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.core.model.RecordKey;
import io.relata.store.CaseHold;

/** Retention plans, runs and legal holds as JSON: one shape for the API and the command line. */
public final class RetentionJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RetentionJson() {
    }

    /**
     * A plan, and what the run did when there was one (null for a dry run); {@code withRecords} adds the removed
     * records' keys (the command line's operator; the API answers with counts only).
     */
    public static ObjectNode of(Retention.Plan plan, Retention.Outcome outcome, boolean withRecords) {
        ObjectNode n = JSON.createObjectNode().put("as_of", plan.asOf().toString()).put("dry_run", outcome == null)
                .put("expired", plan.expired()).put("held", plan.held()).put("removed", plan.remove().size())
                .put("remaining", plan.remaining()).put("sha256", plan.digest());
        ArrayNode sources = n.putArray("sources");
        for (Retention.SourceRetention s : plan.sources()) {
            sources.addObject().put("source", s.source()).put("retention_days", s.retentionDays())
                    .put("cutoff", s.cutoff() == null ? null : s.cutoff().toString()).put("records", s.records())
                    .put("expired", s.expired()).put("held", s.held()).put("removable", s.removable())
                    .put("removed", s.removed());
        }
        if (withRecords) {
            ArrayNode records = n.putArray("records");
            for (RecordKey k : plan.remove()) records.add(k.toString());
        }
        if (outcome != null) {
            n.put("entities_changed", outcome.entitiesChanged()).put("entities_retired", outcome.entitiesRetired())
                    .put("subjects_carried", outcome.subjectsCarried());
            ObjectNode rows = n.putObject("rows");
            outcome.rows().forEach(rows::put);
        }
        return n;
    }

    public static ObjectNode of(CaseHold h) {
        return JSON.createObjectNode().put("case", h.caseId()).put("name", h.caseName()).put("status", h.status().name())
                .put("legal_hold", h.held()).put("held_by", h.heldBy())
                .put("held_at", h.heldAt() == null ? null : h.heldAt().toString()).put("reason", h.reason());
    }
}

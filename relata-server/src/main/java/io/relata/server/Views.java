package io.relata.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.app.EntityProfile;
import io.relata.core.model.RecordKey;
import io.relata.store.EntityEvent;
import io.relata.store.StoredRecord;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The JSON shapes of answers that are not already JSON (GraphJson renders relationship answers). */
final class Views {
    static final ObjectMapper JSON = new ObjectMapper();

    private Views() {}

    /**
     * One page of a list, the same shape for every list: {@code items}, the {@code limit} and {@code offset} asked
     * for, and {@code next_offset}, the next page's offset, or null when there is no more.
     */
    static ObjectNode page(List<? extends JsonNode> items, Calls.Page page, boolean more) {
        ObjectNode n = JSON.createObjectNode();
        ArrayNode a = n.putArray("items");
        items.forEach(a::add);
        n.put("limit", page.limit()).put("offset", page.offset());
        if (more) n.put("next_offset", (long) page.offset() + page.limit());
        else n.putNull("next_offset");
        return n;
    }

    static ObjectNode profile(EntityProfile p) {
        ObjectNode n = JSON.createObjectNode();
        n.put("entity", p.id()).put("record_count", p.recordCount()).put("created_at", String.valueOf(p.createdAt()))
                .put("updated_at", String.valueOf(p.updatedAt()));
        if (p.retiredAt() != null) n.put("retired_at", p.retiredAt().toString());
        ArrayNode records = n.putArray("records");
        for (StoredRecord r : p.records()) {
            ObjectNode x = records.addObject().put("record", r.key().toString()).put("source", r.key().source());
            java.time.Instant loaded = p.loadedAt().get(r.key());
            if (loaded != null) x.put("loaded_at", loaded.toString());
            else x.putNull("loaded_at");
            x.set("content", parse(r.content()));
        }
        ArrayNode timeline = n.putArray("timeline");
        for (EntityProfile.TimelineEvent e : p.timeline()) {
            timeline.addObject().put("date", e.date()).put("type", e.type()).put("place", e.place()).put("ref", e.ref())
                    .put("record", e.record().toString());
        }
        ArrayNode quality = n.putArray("quality");
        p.quality().forEach((k, flags) -> {
            ArrayNode f = quality.addObject().put("record", k.toString()).putArray("flags");
            flags.forEach(f::add);
        });
        ObjectNode values = n.putObject("values");
        for (Map.Entry<String, Map<String, Set<RecordKey>>> field : p.values().entrySet()) {
            ArrayNode list = values.putArray(field.getKey());
            field.getValue().forEach((value, sources) -> {
                ObjectNode v = list.addObject().put("value", value);
                ArrayNode s = v.putArray("records");
                sources.forEach(k -> s.add(k.toString()));
            });
        }
        ArrayNode corrections = n.putArray("corrections");
        for (EntityProfile.CorrectedValue c : p.corrections()) {
            corrections.addObject().put("correction", c.correction()).put("record", c.record().toString())
                    .put("field", c.field()).put("source_value", c.sourceValue()).put("corrected_value", c.correctedValue())
                    .put("reason", c.reason()).put("decided_by", c.decidedBy()).put("decided_at", c.decidedAt().toString())
                    .put("note", c.note());
        }
        ArrayNode conflicting = n.putArray("conflicting");
        p.conflicting().forEach(conflicting::add);
        ArrayNode history = n.putArray("history");
        for (EntityEvent e : p.history()) {
            ObjectNode h = history.addObject().put("at", e.at().toString()).put("kind", e.kind().name())
                    .put("match_key", e.matchKey());
            if (e.trigger() != null) h.put("trigger", e.trigger().toString());
            if (e.otherEntity() != 0) h.put("other_entity", e.otherEntity());
        }
        return n;
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("stored JSON that does not parse", e);
        }
    }
}

package io.relata.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.core.model.RecordKey;
import io.relata.core.relate.Evidence;
import io.relata.core.relate.Relation;
import io.relata.core.relate.RelationGraph;
import io.relata.core.resolve.live.ChangeSet;
import io.relata.core.resolve.live.EntityChange;
import io.relata.store.AlertKind;
import io.relata.store.NewAlert;
import io.relata.store.StoreBatch;
import io.relata.store.Watch;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The watch lists' trip-wire, checked as each record is resolved during ingestion: an alert when the record
 * resolves into a watched entity, or when it brings new relations to an entity that lies within a watch's hops
 * of the watched entity. Alerts are written in the record's own transaction; a watched entity that is merged
 * into another hands its watches to the survivor.
 */
final class TripWire {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A trip-wire search stops after this many entities, so one record in a dense area cannot stall a load. */
    private static final int MAX_VISITED = 5_000;

    private final RelationGraph graph;
    private final Map<Long, List<Watch>> watchesOf = new HashMap<>();
    private int maxHops;
    private long raised;

    TripWire(RelationGraph graph, List<Watch> active) {
        this.graph = graph;
        for (Watch w : active) add(w);
    }

    private void add(Watch w) {
        watchesOf.computeIfAbsent(w.entityId(), k -> new ArrayList<>()).add(w);
        maxHops = Math.max(maxHops, w.hops());
    }

    long raised() {
        return raised;
    }

    void check(RecordKey trigger, ChangeSet changes, StoreBatch write, Instant at) {
        if (watchesOf.isEmpty()) return;
        for (EntityChange c : changes.changes()) {
            if (c.kind() != EntityChange.Kind.MERGED_INTO) continue;
            List<Watch> moved = watchesOf.remove(c.entityId());
            if (moved == null) continue;
            write.moveWatches(c.entityId(), c.otherEntity());
            for (Watch w : moved) {
                add(new Watch(w.id(), w.caseId(), c.otherEntity(), w.hops(), w.createdBy(), w.createdAt(), w.note(), true));
            }
        }
        long entity = graph.entityOf(trigger);
        if (entity == 0) return;
        for (Watch w : watchesOf.getOrDefault(entity, List.of())) {
            ObjectNode evidence = JSON.createObjectNode().put("record", trigger.toString()).put("entity", entity);
            ArrayNode kinds = evidence.putArray("changes");
            for (EntityChange c : changes.changes()) if (c.entityId() == entity) kinds.add(c.kind().name());
            alert(write, at, NewAlert.of(w, entity, trigger, AlertKind.RESOLVED_INTO, 0, evidence.toString()));
        }
        if (maxHops > 0) relationsWithin(trigger, entity, write, at);
    }

    /**
     * When the trigger record brings relations to its entity, walks out from that entity over every relation, up to
     * the widest watch, and alerts each watch whose entity lies within its hops.
     */
    private void relationsWithin(RecordKey trigger, long entity, StoreBatch write, Instant at) {
        List<Relation> brought = new ArrayList<>();
        for (Relation r : graph.relations(entity)) {
            for (Evidence e : r.evidence()) {
                if (e.from().equals(trigger)) {
                    brought.add(r);
                    break;
                }
            }
        }
        if (brought.isEmpty()) return;
        Long2IntOpenHashMap distance = new Long2IntOpenHashMap();
        distance.put(entity, 0);
        List<Long> frontier = List.of(entity);
        for (int d = 1; d <= maxHops && !frontier.isEmpty() && distance.size() <= MAX_VISITED; d++) {
            List<Long> next = new ArrayList<>();
            for (long node : frontier) {
                for (Relation r : graph.relations(node)) {
                    if (distance.containsKey(r.to())) continue;
                    distance.put(r.to(), d);
                    next.add(r.to());
                    for (Watch w : watchesOf.getOrDefault(r.to(), List.of())) {
                        if (w.hops() >= d) {
                            alert(write, at, NewAlert.of(w, entity, trigger, AlertKind.NEW_RELATIONSHIP, d,
                                    evidence(trigger, entity, brought, d)));
                        }
                    }
                }
            }
            frontier = next;
        }
    }

    private static String evidence(RecordKey trigger, long entity, List<Relation> brought, int distance) {
        ObjectNode n = JSON.createObjectNode().put("record", trigger.toString()).put("entity", entity)
                .put("distance", distance);
        ArrayNode relations = n.putArray("relations");
        for (Relation r : brought) {
            ObjectNode x = relations.addObject().put("to", r.to()).put("strength", r.strength());
            ArrayNode ev = x.putArray("evidence");
            for (Evidence e : r.evidence()) {
                if (e.from().equals(trigger)) ev.add(e.type() + ": " + e.detail());
            }
        }
        return n.toString();
    }

    private void alert(StoreBatch write, Instant at, NewAlert alert) {
        write.addAlert(alert, at);
        raised++;
    }
}

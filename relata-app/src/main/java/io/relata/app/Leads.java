package io.relata.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.relata.core.relate.pattern.Lead;
import io.relata.core.relate.pattern.LeadPattern;
import io.relata.core.relate.pattern.PatternCatalog;
import io.relata.store.FoundLead;
import io.relata.store.LeadStatus;
import io.relata.store.StoreBatch;
import io.relata.core.relate.RelationGraph;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import it.unimi.dsi.fastutil.longs.LongSet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Leads: what the pattern catalog finds, kept in the store for review. A scan stores every lead it finds (a
 * lead found again keeps its id and the analyst's disposition) and retires the leads of the patterns it ran
 * that it no longer finds; after a load or a correction, {@link #rescan} does the same for what changed.
 */
public final class Leads {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A change touching more than this share of all entities gets a full scan. */
    private static final double FULL_SCAN_SHARE = 0.05;
    private final Workspace workspace;
    private final PatternCatalog catalog;

    public Leads(Workspace workspace, PatternCatalog catalog) {
        this.workspace = workspace;
        this.catalog = catalog;
    }

    /** What a scan did: the leads found, and per pattern how many stored leads it retired. */
    public record ScanResult(List<Lead> leads, Map<String, Integer> retired, double seconds) {}

    /** Scans the whole graph with every pattern (or the one named) and stores the result. */
    public ScanResult scan(String patternOrNull) {
        try (StoreBatch write = workspace.store().begin()) {
            ScanResult result = scan(patternOrNull, write);
            write.commit();
            return result;
        }
    }

    /** {@link #scan(String)} in the caller's transaction. */
    ScanResult scan(String patternOrNull, StoreBatch write) {
        long t0 = System.nanoTime();
        List<Lead> leads = catalog.scan(workspace.graph(), patternOrNull);
        Map<String, List<FoundLead>> byPattern = new HashMap<>();
        for (LeadPattern p : catalog.patterns()) {
            if (patternOrNull == null || p.name().equals(patternOrNull)) byPattern.put(p.name(), new ArrayList<>());
        }
        GraphJson json = new GraphJson(new Relationships(workspace));
        for (Lead l : leads) byPattern.get(l.pattern()).add(found(l, json));
        Map<String, Integer> retired = new HashMap<>();
        Instant now = Instant.now();
        for (var e : byPattern.entrySet()) {
            write.upsertLeads(e.getValue(), now);
            retired.put(e.getKey(), write.retireLeadsNotFound(e.getKey(),
                    e.getValue().stream().map(FoundLead::key).toList(), now));
        }
        return new ScanResult(leads, retired, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Brings the stored leads up to date after a change touched these entities, without scanning everything:
     * the patterns run on the touched entities and on the members of the stored leads that involve them; what
     * they find is stored, and those stored leads they no longer find are retired. A change that touches a large
     * part of the graph (a first load) gets a full scan instead, which is then cheaper.
     */
    public ScanResult rescan(LongSet touched) {
        if (touched.isEmpty()) return new ScanResult(List.of(), Map.of(), 0);
        try (StoreBatch write = workspace.store().begin()) {
            ScanResult result = rescan(touched, write);
            write.commit();
            return result;
        }
    }

    /** {@link #rescan(LongSet)} in the caller's transaction. */
    ScanResult rescan(LongSet touched, StoreBatch write) {
        long t0 = System.nanoTime();
        RelationGraph graph = workspace.graph();
        if (touched.isEmpty()) return new ScanResult(List.of(), Map.of(), 0);
        if (touched.size() > FULL_SCAN_SHARE * graph.entityCount()) return scan(null, write);
        Map<String, io.relata.store.Lead> stale = new HashMap<>();
        LongOpenHashSet scope = new LongOpenHashSet(touched);
        for (long e : touched) {
            for (io.relata.store.Lead l : workspace.store().leads().ofEntity(e)) {
                if (l.status() == LeadStatus.RETIRED) continue;
                stale.put(l.pattern() + "\n" + l.key(), l);
                for (var m : read(l.members())) scope.add(m.get("entity").asLong());
            }
        }
        scope.removeIf(e -> !graph.containsEntity(e));
        LongSet inLeads = workspace.store().leads().entitiesInLeads();
        List<Lead> others = List.of(new Lead("stored", "stored", 0, List.of(), new ArrayList<>(inLeads)));
        List<Lead> leads = catalog.scan(graph, null, scope, others);
        GraphJson json = new GraphJson(new Relationships(workspace));
        Map<String, Integer> retired = new HashMap<>();
        Instant now = Instant.now();
        write.upsertLeads(leads.stream().map(l -> found(l, json)).toList(), now);
        for (Lead l : leads) stale.remove(l.pattern() + "\n" + l.key());
        Map<String, List<String>> gone = new HashMap<>();
        for (io.relata.store.Lead l : stale.values()) gone.computeIfAbsent(l.pattern(), k -> new ArrayList<>()).add(l.key());
        gone.forEach((pattern, keys) -> retired.put(pattern, write.retireLeads(pattern, keys, now)));
        return new ScanResult(leads, retired, (System.nanoTime() - t0) / 1e9);
    }

    /** Adds the entities a change set touched (joined, left, merged, split, retired) to {@code out}. */
    public static void touched(io.relata.core.resolve.live.ChangeSet cs, LongSet out) {
        for (var a : cs.assignments()) {
            if (a.entityId() > 0) out.add(a.entityId());
            if (a.previousEntityId() > 0) out.add(a.previousEntityId());
        }
        for (var c : cs.changes()) {
            if (c.entityId() > 0) out.add(c.entityId());
            if (c.otherEntity() > 0) out.add(c.otherEntity());
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a stored lead's members are not JSON: " + e.getMessage(), e);
        }
    }

    static FoundLead found(Lead l, GraphJson json) {
        ArrayNode evidence = JSON.createArrayNode();
        l.evidence().forEach(evidence::add);
        ArrayNode members = JSON.createArrayNode();
        for (long e : l.members()) members.add(json.entity(e));
        return new FoundLead(l.pattern(), l.key(), l.score(), evidence.toString(), members.toString(), l.members());
    }

    public List<io.relata.store.Lead> list(String patternOrNull, LeadStatus statusOrNull, int limit, int offset) {
        return workspace.store().leads().list(patternOrNull, statusOrNull, limit, offset);
    }

    /** The leads that involve a subject of the case (need-to-know), best score first. */
    public List<io.relata.store.Lead> listForCase(long caseId, String patternOrNull, LeadStatus statusOrNull, int limit, int offset) {
        return workspace.store().leads().list(patternOrNull, statusOrNull, caseId, limit, offset);
    }

    public io.relata.store.Lead get(long id) {
        return workspace.store().leads().get(id).orElseThrow(() -> new NotFoundException("no lead " + id));
    }

    /** An analyst's disposition: REVIEWED, DISMISSED or ESCALATED, with a note. */
    public void dispose(long id, LeadStatus status, String note, String analyst) {
        get(id);
        workspace.store().leads().dispose(id, status, note, analyst, Instant.now());
    }

    /** The same, of a lead that must involve a subject of the case; any other answers as not found. */
    public void disposeInCase(long caseId, long id, LeadStatus status, String note, String analyst) {
        if (!workspace.store().leads().touchesCase(id, caseId)) throw new NotFoundException("no lead " + id + " in case " + caseId);
        dispose(id, status, note, analyst);
    }
}

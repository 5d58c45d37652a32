package io.relata.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.relata.core.relate.pattern.Lead;
import io.relata.core.relate.pattern.LeadPattern;
import io.relata.core.relate.pattern.PatternCatalog;
import io.relata.store.FoundLead;
import io.relata.store.LeadStatus;
import io.relata.store.StoreBatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Leads: what the pattern catalog finds, kept in the store for review. A scan stores every lead it finds (a
 * lead found again keeps its id and the analyst's disposition) and retires the leads of the patterns it ran
 * that it no longer finds.
 */
public final class Leads {
    private static final ObjectMapper JSON = new ObjectMapper();
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
        try (StoreBatch write = workspace.store().begin()) {
            for (var e : byPattern.entrySet()) {
                write.upsertLeads(e.getValue(), now);
                retired.put(e.getKey(), write.retireLeadsNotFound(e.getKey(),
                        e.getValue().stream().map(FoundLead::key).toList(), now));
            }
            write.commit();
        }
        return new ScanResult(leads, retired, (System.nanoTime() - t0) / 1e9);
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

    public io.relata.store.Lead get(long id) {
        return workspace.store().leads().get(id).orElseThrow(() -> new NotFoundException("no lead " + id));
    }

    /** An analyst's disposition: REVIEWED, DISMISSED or ESCALATED, with a note. */
    public void dispose(long id, LeadStatus status, String note, String analyst) {
        get(id);
        workspace.store().leads().dispose(id, status, note, analyst, Instant.now());
    }
}

package io.relata.app.privacy;

import io.relata.app.Workspace;
import io.relata.core.model.Record;
import io.relata.core.model.RecordKey;
import io.relata.core.resolve.Explanation;
import io.relata.core.resolve.LiveResolver;
import io.relata.core.resolve.live.SearchHit;
import io.relata.core.standardize.RecordFeatures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds every record that may relate to a requester, with generous recall: the requester's data is searched as a
 * whole, and again name by name (and by parts of a long name), without the birth date (a source may have it wrong
 * or lack it) and by each contact detail alone; every entity one of these probes fits is taken, and every record of it, since a person's records
 * must all be found even when some of them fit the description poorly; and every record that the model would put
 * up for review against a name alone, or that the whole description fits with a probe's evidence even against a
 * conflict (an unknown nickname), is found by a scan of all records, which blocking keys cannot miss. Each record
 * is then scored against the whole description, with its explanation, and ranked.
 */
public final class RecordFinder {
    /** The search ranks at most this many entities per probe. */
    static final int ENTITIES_PER_PROBE = 200;
    /**
     * An entity is a candidate when a probe fits one of its records with at least this much evidence (log2 Bayes
     * factor): more evidence for being the requester than against.
     */
    public static final double DEFAULT_MIN_EVIDENCE = 0.0;

    private final Workspace ws;
    private final double minEvidence;

    public RecordFinder(Workspace ws) {
        this(ws, DEFAULT_MIN_EVIDENCE);
    }

    public RecordFinder(Workspace ws, double minEvidence) {
        this.ws = ws;
        this.minEvidence = minEvidence;
    }

    /** Every record of every entity that may be the requester's, best fitting first. */
    public List<FoundRecord> find(Requester requester) {
        LiveResolver resolver = ws.resolver();
        Set<Long> entities = new LinkedHashSet<>();
        for (Record probe : probes(requester)) {
            RecordFeatures f = ws.standardizer().standardize(probe);
            for (SearchHit hit : resolver.search(f, ENTITIES_PER_PROBE)) {
                if (hit.weight() >= minEvidence || hit.match()) entities.add(hit.entityId());
            }
        }
        // what blocking cannot reach (a nickname with part of a surname and no birth date, or an unknown nickname
        // with a mistyped birth date, share no key with the request), by a scan: every record the model would put
        // up for review against a form of a name, and every record the whole description fits with the evidence
        // a probe needs, even against a conflict (an unknown nickname is another given name to the model)
        RecordFeatures whole = ws.standardizer().standardize(requester.probe());
        for (SearchHit hit : resolver.scan(whole, minEvidence)) entities.add(hit.entityId());
        for (String name : requester.names()) {
            for (String form : forms(name)) {
                for (SearchHit hit : resolver.scan(ws.standardizer().standardize(requester.probe(List.of(form), false, false)))) {
                    entities.add(hit.entityId());
                }
            }
        }
        List<FoundRecord> found = new ArrayList<>();
        for (long entity : entities) {
            for (RecordKey k : resolver.members(entity)) {
                Explanation why = resolver.explain(whole, k);
                found.add(new FoundRecord(k, entity, why));
            }
        }
        found.sort(Comparator.comparingDouble(FoundRecord::score).reversed().thenComparing(FoundRecord::record));
        return found;
    }

    /**
     * A name as given and, for a name of three parts or more, each first part with each later part: a source may
     * write only one part of a compound surname ("Luz Fernández" for "Luz Fernández Reyes") or take a middle name
     * for the surname.
     */
    static List<String> forms(String name) {
        List<String> forms = new ArrayList<>(List.of(name));
        String[] parts = name.strip().split("\\s+");
        if (parts.length < 3) return forms;
        for (int i = 1; i < parts.length; i++) forms.add(parts[0] + " " + parts[i]);
        for (int i = 1; i < parts.length - 1; i++) forms.add(parts[i] + " " + parts[parts.length - 1]);
        return forms;
    }

    private static List<Record> probes(Requester r) {
        List<Record> probes = new ArrayList<>();
        probes.add(r.probe());
        for (String name : r.names()) {
            for (String form : forms(name)) {
                probes.add(r.probe(List.of(form), true, false));
                if (r.dob() != null) probes.add(r.probe(List.of(form), false, false));
            }
        }
        probes.addAll(r.contactProbes());
        return probes;
    }
}

package io.relata.app;

import io.relata.core.relate.pattern.PatternCatalog;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;

import io.relata.core.model.RecordKey;
import io.relata.core.resolve.live.ChangeSet;
import io.relata.core.resolve.live.MatchDecision;
import io.relata.store.StoreBatch;

import java.time.Instant;

/** Changes an analyst or a data engineer makes by hand: withdrawing a record, ruling on two records. */
public final class Curation {
    private final Workspace workspace;

    public Curation(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Withdraws a record; its entity is re-formed from what is left (and splits if that falls apart). */
    public ChangeSet withdraw(RecordKey key) {
        if (!workspace.isActive(key)) throw new NotFoundException("no record " + key + " in the store");
        Instant now = Instant.now();
        ChangeSet cs = workspace.withdraw(key);
        try (StoreBatch write = workspace.store().begin()) {
            write.withdrawRecord(key, now);
            write.replaceRelationships(key, java.util.List.of());
            write.apply(cs, now);
            write.commit();
        }
        workspace.withdrawn(key);
        relead(cs);
        return cs;
    }

    /**
     * Records an analyst's ruling that two records are (or are not) the same, and re-forms their entities to
     * obey it. The ruling holds through later loads and re-resolution.
     */
    public ChangeSet decide(MatchDecision decision) {
        for (RecordKey k : new RecordKey[] {decision.first(), decision.second()}) {
            if (!workspace.isActive(k)) throw new NotFoundException("no record " + k + " in the store");
        }
        ChangeSet cs = workspace.decide(decision);
        try (StoreBatch write = workspace.store().begin()) {
            write.putDecision(decision);
            write.apply(cs, decision.at());
            write.commit();
        }
        relead(cs);
        return cs;
    }

    /** Leads follow the entities the change touched. */
    private void relead(ChangeSet cs) {
        LongOpenHashSet touched = new LongOpenHashSet();
        Leads.touched(cs, touched);
        new Leads(workspace, PatternCatalog.defaults()).rescan(touched);
    }
}

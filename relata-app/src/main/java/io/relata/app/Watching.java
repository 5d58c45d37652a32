package io.relata.app;

import io.relata.store.Alert;
import io.relata.store.AlertStatus;
import io.relata.store.CaseFile;
import io.relata.store.Watch;

import java.time.Instant;
import java.util.List;

/** Cases, the entities they watch, and the alerts the watches raise. Cases are named by id or by name. */
public final class Watching {
    private final Workspace workspace;

    public Watching(Workspace workspace) {
        this.workspace = workspace;
    }

    public CaseFile createCase(String name, String description, String user) {
        return workspace.store().cases().create(name, description, user, Instant.now());
    }

    public List<CaseFile> cases() {
        return workspace.store().cases().list();
    }

    public CaseFile caseOf(String ref) {
        String r = ref == null ? "" : ref.strip();
        var found = r.matches("\\d{1,18}") ? workspace.store().cases().get(Long.parseLong(r))
                : workspace.store().cases().byName(r);
        return found.orElseThrow(() -> new NotFoundException("no case '" + ref + "'"));
    }

    /** Watches an entity (by id or one of its records) for a case, up to {@code hops} relations around it. */
    public Watch watch(String caseRef, String entityRef, int hops, String user, String note) {
        CaseFile c = caseOf(caseRef);
        long entity = new Relationships(workspace).entity(entityRef);
        return workspace.store().watches().add(c.id(), entity, hops, user, note, Instant.now());
    }

    public List<Watch> watches(String caseRefOrNull) {
        return caseRefOrNull == null ? workspace.store().watches().active()
                : workspace.store().watches().ofCase(caseOf(caseRefOrNull).id());
    }

    public void unwatch(long id) {
        workspace.store().watches().deactivate(id);
    }

    public List<Alert> alerts(String caseRefOrNull, AlertStatus statusOrNull, Instant sinceOrNull, int limit, int offset) {
        long caseId = caseRefOrNull == null ? 0 : caseOf(caseRefOrNull).id();
        return workspace.store().alerts().list(caseId, statusOrNull, sinceOrNull, limit, offset);
    }

    public void disposeAlert(long id, AlertStatus status, String note, String analyst) {
        workspace.store().alerts().get(id).orElseThrow(() -> new NotFoundException("no alert " + id));
        workspace.store().alerts().dispose(id, status, note, analyst, Instant.now());
    }
}

package io.relata.app;

import io.relata.store.CaseHold;

import java.time.Clock;
import java.util.List;

/**
 * Legal holds on cases: while a case is held, retention keeps its subject records and every record of the entities
 * they belong to. Setting and lifting a hold is audited by the caller (the guard, or the command line's trail).
 */
public final class LegalHolds {
    public static final int MAX_REASON_LENGTH = 2000;
    private final Workspace workspace;
    private final Clock clock;

    public LegalHolds(Workspace workspace, Clock clock) {
        this.workspace = workspace;
        this.clock = clock;
    }

    /** Every case with its hold, oldest first. */
    public List<CaseHold> list() {
        return workspace.store().retention().caseHolds();
    }

    /** The case named by id or name, with its hold. */
    public CaseHold of(String caseRef) {
        long id = new Watching(workspace).caseOf(caseRef).id();
        return workspace.store().retention().caseHold(id).orElseThrow(() -> new NotFoundException("no case '" + caseRef + "'"));
    }

    /** Puts a case under hold, by {@code user}, for {@code reason} (the hold in force is restated when it is held). */
    public CaseHold hold(long caseId, String user, String reason) {
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("a legal hold needs a reason");
        if (reason.length() > MAX_REASON_LENGTH) {
            throw new IllegalArgumentException("a legal hold's reason has at most " + MAX_REASON_LENGTH + " characters");
        }
        return workspace.store().retention().hold(caseId, user, reason.strip(), clock.instant());
    }

    /** Lifts a case's hold: the next retention run may remove what it kept. */
    public CaseHold release(long caseId) {
        return workspace.store().retention().release(caseId);
    }
}

package io.relata.cli;

import io.relata.app.access.Operation;
import io.relata.app.audit.AuditEvent;
import io.relata.app.audit.AuditTrail;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Changes made from the command line that the audit trail must keep (a retention run, a legal hold): recorded before
 * they run and again if they fail, under the operation's own action name, as the server's guard records them. The
 * command line acts for the person at the machine, named by {@code --analyst}.
 */
final class CliAudit {
    private CliAudit() {
    }

    static <T> T change(AuditTrail trail, String actor, Operation op, Long caseId, List<String> objects, String detail,
                        Supplier<T> work) {
        trail.append(new AuditEvent(Instant.now(), actor, null, caseId, null, op.action(), AuditEvent.Outcome.ALLOWED,
                objects, 0, detail));
        try {
            return work.get();
        } catch (RuntimeException e) {
            trail.append(new AuditEvent(Instant.now(), actor, null, caseId, null, op.action(), AuditEvent.Outcome.FAILED,
                    objects, 0, e.getClass().getSimpleName()));
            throw e;
        }
    }
}

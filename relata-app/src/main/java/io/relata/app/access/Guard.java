package io.relata.app.access;

import io.relata.app.audit.AuditEvent;
import io.relata.app.audit.AuditTrail;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * The one choke point between a request and a use case: the policy decides, the use case runs, and the audit
 * trail records what was asked, by whom, for which case and purpose, what it touched and how many results it
 * gave. A denial is recorded too. A change is recorded before it runs and a read before its answer is returned,
 * so when the trail cannot be written the request fails and nothing is changed or shown unaudited.
 */
public final class Guard {
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final Clock clock;

    public Guard(AccessPolicy policy, AuditTrail audit, Clock clock) {
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a use case gave: the answer, how many results it holds, and the objects it showed. */
    public record Answer<T>(T value, int count, List<String> objects) {
        public static <T> Answer<T> of(T value, int count, List<String> objects) {
            return new Answer<>(value, count, objects);
        }

        public static <T> Answer<T> of(T value) {
            return new Answer<>(value, 0, List.of());
        }
    }

    /**
     * Runs {@code work} for the caller if the policy allows {@code op} on {@code entities}; {@code objects} names
     * what the request is about (entity:1, case:7, ...) and {@code detail} what it asked (search criteria), for the
     * trail. Throws {@link AccessDeniedException} when denied, and the trail's exception when it cannot record.
     */
    public <T> T run(AccessContext ctx, Operation op, Collection<Long> entities, List<String> objects, String detail,
                     Supplier<Answer<T>> work) {
        List<String> asked = new ArrayList<>(objects);
        if (entities != null) for (long e : entities) if (!asked.contains("entity:" + e)) asked.add("entity:" + e);
        return guarded(ctx, op, asked, () -> policy.check(ctx, op, entities), detail, work);
    }

    /**
     * Runs {@code work} for a partner agency's user if {@code dissemination} (null: their inbox) was sent to their
     * organization and is not revoked ({@link AccessPolicy#checkRecipient}); audited like {@link #run}, the
     * dissemination named as {@code dissemination:ID} besides {@code objects}.
     */
    public <T> T runAsRecipient(AccessContext ctx, Operation op, Long dissemination, List<String> objects, String detail,
                                Supplier<Answer<T>> work) {
        List<String> asked = new ArrayList<>();
        if (dissemination != null) asked.add("dissemination:" + dissemination);
        for (String o : objects) if (!asked.contains(o)) asked.add(o);
        return guarded(ctx, op, asked, () -> policy.checkRecipient(ctx, op, dissemination), detail, work);
    }

    private <T> T guarded(AccessContext ctx, Operation op, List<String> asked, Runnable check, String detail,
                          Supplier<Answer<T>> work) {
        try {
            check.run();
        } catch (AccessDeniedException e) {
            record(ctx, op, AuditEvent.Outcome.DENIED, asked, 0, e.getMessage());
            throw e;
        }
        if (op.changes()) record(ctx, op, AuditEvent.Outcome.ALLOWED, asked, 0, detail);
        Answer<T> answer;
        try {
            answer = work.get();
        } catch (AccessDeniedException e) {
            // a rule only the use case can apply (a supervisor may not approve a version they wrote)
            record(ctx, op, AuditEvent.Outcome.DENIED, asked, 0, e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            record(ctx, op, AuditEvent.Outcome.FAILED, asked, 0, e.getClass().getSimpleName());
            throw e;
        }
        if (!op.changes()) {
            List<String> shown = new ArrayList<>(asked);
            for (String o : answer.objects()) if (!shown.contains(o)) shown.add(o);
            record(ctx, op, AuditEvent.Outcome.ALLOWED, shown, answer.count(), detail);
        }
        return answer.value();
    }

    /** Records something that is not an operation on data: a sign-in, a sign-out. */
    public void record(AuditEvent event) {
        audit.append(event);
    }

    private void record(AccessContext ctx, Operation op, AuditEvent.Outcome outcome, List<String> objects, int count,
                        String detail) {
        audit.append(new AuditEvent(clock.instant(), ctx.actor(), ctx.clientAddress(), ctx.caseId(), ctx.purpose(),
                op.action(), outcome, objects, count, detail));
    }
}

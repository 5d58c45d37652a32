package io.relata.app.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One thing a person (or a program acting for one) did that the audit trail must keep: who, when, from where,
 * in which case and for which purpose, what action, whether it was allowed, which objects it touched and how
 * many results it returned.
 *
 * @param actor         the user name; {@code "anonymous"} before sign-in, {@code "system"} for the server itself
 * @param clientAddress the caller's address as the server saw it; null for the command line
 * @param caseId        the case the action was done in; null when none applies (sign-in, administration)
 * @param purpose       the purpose the user declared; null when none applies
 * @param action        what was done, as a dotted name such as {@code entity.read}, {@code auth.login.failed}
 * @param outcome       ALLOWED, DENIED or FAILED
 * @param objects       what was touched, each as {@code entity:123}, {@code record:SOURCE:ID}, {@code user:ana},
 *                      {@code case:7}, {@code lead:9}: what "who looked at this person?" searches
 * @param resultCount   how many results the action returned (0 when it returns none)
 * @param detail        a short free text (a search's criteria, a denial's reason); never a secret
 */
public record AuditEvent(Instant at, String actor, String clientAddress, Long caseId, String purpose, String action,
                         Outcome outcome, List<String> objects, int resultCount, String detail) {
    public enum Outcome { ALLOWED, DENIED, FAILED }

    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        objects = objects == null ? List.of() : List.copyOf(objects);
        if (resultCount < 0) throw new IllegalArgumentException("a result count cannot be negative");
    }
}

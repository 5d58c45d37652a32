package io.relata.app.access;

import io.relata.store.RelataStore;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may do what, in one place. A user may run an operation that one of their roles allows; on personal data
 * only with current privacy training and a declared purpose, inside a case they are a member of (a privacy
 * officer answering an individual's request works without one); on given entities only when each is a subject of
 * that case (for a privacy officer without a case: when each holds a record found for an access request that is not
 * closed). A partner agency's user sees only what was disseminated to their organization and not revoked
 * ({@link #checkRecipient}). Everything else, such as which sources' records a user may see and which fields, is the
 * {@link Redactor}'s.
 */
public final class AccessPolicy {
    private final RelataStore store;
    private final Clock clock;

    public AccessPolicy(RelataStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Throws {@link AccessDeniedException} unless the caller may run {@code op} on these entities. */
    public void check(AccessContext ctx, Operation op, Collection<Long> entities) {
        if (op.kind() == Operation.Kind.DISSEMINATED) {
            throw new IllegalArgumentException(op.action() + " is about a dissemination: checkRecipient decides it");
        }
        Set<Role> allowing = allowing(ctx, op);
        if (!op.personal()) return;
        User user = ctx.user();
        LocalDate today = LocalDate.now(clock);
        if (!user.trainingValidOn(today)) {
            throw new AccessDeniedException(AccessDeniedException.Reason.TRAINING_LAPSED, user.trainingCompleted() == null
                    ? "no privacy training is on record for you; personal data is closed until an administrator records it"
                    : "your privacy training of " + user.trainingCompleted() + " has lapsed; personal data is closed "
                    + "until an administrator records its renewal");
        }
        if (ctx.purpose() == null) {
            throw new AccessDeniedException(AccessDeniedException.Reason.PURPOSE_REQUIRED,
                    "declare the purpose of this " + op.action() + " (every query for personal data names its case and purpose)");
        }
        if (op.kind() == Operation.Kind.PRIVACY) return;
        boolean caseFree = allowing.contains(Role.PRIVACY_OFFICER);
        if (caseFree && ctx.caseId() == null) {
            // need-to-know without a case: the privacy officer reaches the entities of the records found for the
            // access requests still being worked on, and no others; the accounting of disclosures stays theirs to give
            // for anyone (it names disseminations, not what the records hold)
            if (op.kind() == Operation.Kind.SUBJECT && op != Operation.DISCLOSURES) {
                for (long entity : entities == null ? Collections.<Long>emptyList() : entities) {
                    if (entity <= 0 || !store.accessRequests().isCandidateEntity(entity)) {
                        throw new AccessDeniedException(AccessDeniedException.Reason.NOT_IN_CASE, (entity <= 0 ? "no such entity"
                                : "no entity " + entity) + " among the records of an access request being worked on");
                    }
                }
            }
            return;
        }
        if (ctx.caseId() == null) {
            throw new AccessDeniedException(AccessDeniedException.Reason.PURPOSE_REQUIRED,
                    "name the case this " + op.action() + " is for");
        }
        if (!store.cases().casesOf(user.username()).contains(ctx.caseId())) {
            throw new AccessDeniedException(AccessDeniedException.Reason.NOT_IN_CASE,
                    "you are not a member of case " + ctx.caseId());
        }
        if (op.kind() != Operation.Kind.SUBJECT) return;
        for (long entity : entities == null ? Collections.<Long>emptyList() : entities) {
            if (entity <= 0 || !store.cases().isSubject(ctx.caseId(), entity)) {
                throw new AccessDeniedException(AccessDeniedException.Reason.NOT_IN_CASE, (entity <= 0 ? "no such entity"
                        : "no entity " + entity) + " among the subjects of case " + ctx.caseId());
            }
        }
    }

    /**
     * Throws {@link AccessDeniedException} unless a partner may run {@code op} (of kind
     * {@link Operation.Kind#DISSEMINATED}) on {@code dissemination}: one of their roles allows it, their account names
     * an organization, and the dissemination (when one is named; null for the inbox itself) is addressed to that
     * organization and not revoked; any other dissemination is answered as not found.
     */
    public void checkRecipient(AccessContext ctx, Operation op, Long dissemination) {
        if (op.kind() != Operation.Kind.DISSEMINATED) {
            throw new IllegalArgumentException(op.action() + " is not about a dissemination: check decides it");
        }
        allowing(ctx, op);
        String organization = ctx.user().organization();
        if (organization == null || organization.isBlank()) {
            throw new AccessDeniedException(AccessDeniedException.Reason.FORBIDDEN,
                    "your account names no partner organization, so nothing was disseminated to you");
        }
        if (dissemination == null) return;
        boolean addressed = store.disseminations().get(dissemination)
                .filter(d -> d.organization().equals(organization) && !d.revoked()).isPresent();
        if (!addressed) {
            throw new AccessDeniedException(AccessDeniedException.Reason.NOT_ADDRESSED,
                    "no dissemination " + dissemination + " to " + organization);
        }
    }

    /** The caller's roles that allow {@code op}; throws unless there is one, and the permission it needs. */
    private static Set<Role> allowing(AccessContext ctx, Operation op) {
        User user = ctx.user();
        if (user == null || user.disabled()) {
            throw new AccessDeniedException(AccessDeniedException.Reason.UNAUTHENTICATED, "sign in first");
        }
        Set<Role> allowing = EnumSet.noneOf(Role.class);
        allowing.addAll(op.roles());
        allowing.retainAll(user.roles());
        if (allowing.isEmpty()) {
            throw new AccessDeniedException(AccessDeniedException.Reason.FORBIDDEN, "your roles " + user.roles()
                    + " do not allow " + op.action() + " (it needs one of " + op.roles() + ")");
        }
        if (op.permission() != null && !user.hasPermission(op.permission())) {
            throw new AccessDeniedException(AccessDeniedException.Reason.FORBIDDEN, op.action() + " needs the "
                    + op.permission() + " permission, which an administrator grants; you do not have it");
        }
        return allowing;
    }
}

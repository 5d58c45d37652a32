package io.relata.app.access;

import java.util.EnumSet;
import java.util.Set;

import static io.relata.app.access.Role.ADMIN;
import static io.relata.app.access.Role.ANALYST;
import static io.relata.app.access.Role.AUDITOR;
import static io.relata.app.access.Role.PARTNER;
import static io.relata.app.access.Role.PRIVACY_OFFICER;
import static io.relata.app.access.Role.SUPERVISOR;

/**
 * Everything a user can ask of Relata, with who may ask it: the one table the access policy reads. An operation on
 * personal data needs a case and a declared purpose, and current privacy training; one on a single entity also
 * needs that entity to be a subject of the case (need-to-know). Some also need a {@link Permission} beyond the role
 * (an export needs {@link Permission#EXPORT}). The action name is what the audit trail records.
 */
public enum Operation {
    SEARCH("entity.search", Kind.PERSONAL, false, ANALYST, SUPERVISOR, PRIVACY_OFFICER),
    ENTITY_READ("entity.read", Kind.SUBJECT, false, ANALYST, SUPERVISOR, PRIVACY_OFFICER),
    ENTITY_WHY("entity.why", Kind.SUBJECT, false, ANALYST, SUPERVISOR, PRIVACY_OFFICER),
    ENTITY_HOW("entity.how", Kind.SUBJECT, false, ANALYST, SUPERVISOR, PRIVACY_OFFICER),
    /** Taking entities' profiles out of Relata: with a written justification, which the audit trail keeps. */
    EXPORT("entity.export", Kind.SUBJECT, false, Permission.EXPORT, ANALYST, SUPERVISOR, PRIVACY_OFFICER),
    NETWORK("graph.network", Kind.SUBJECT, false, ANALYST, SUPERVISOR),
    PATH("graph.path", Kind.SUBJECT, false, ANALYST, SUPERVISOR),
    COMMON("graph.common", Kind.SUBJECT, false, ANALYST, SUPERVISOR),
    CASE_SUBJECT_ADD("case.subject.add", Kind.PERSONAL, true, ANALYST, SUPERVISOR),
    CASE_SUBJECTS("case.subject.list", Kind.PERSONAL, false, ANALYST, SUPERVISOR),
    LEAD_LIST("lead.list", Kind.PERSONAL, false, ANALYST, SUPERVISOR),
    LEAD_DISPOSE("lead.dispose", Kind.PERSONAL, true, ANALYST, SUPERVISOR),
    REVIEW_LIST("review.list", Kind.PERSONAL, false, ANALYST, SUPERVISOR),
    REVIEW_DECIDE("review.decide", Kind.PERSONAL, true, ANALYST, SUPERVISOR),
    WATCH_ADD("watch.add", Kind.SUBJECT, true, ANALYST, SUPERVISOR),
    WATCH_LIST("watch.list", Kind.PERSONAL, false, ANALYST, SUPERVISOR),
    ALERT_LIST("alert.list", Kind.PERSONAL, false, ANALYST, SUPERVISOR),
    ALERT_DISPOSE("alert.dispose", Kind.PERSONAL, true, ANALYST, SUPERVISOR),
    CASE_LIST("case.list", Kind.PLAIN, false, ANALYST, SUPERVISOR, PRIVACY_OFFICER, ADMIN),
    CASE_CREATE("case.create", Kind.PLAIN, true, ANALYST, SUPERVISOR),
    CASE_MEMBER_ADD("case.member.add", Kind.PLAIN, true, SUPERVISOR, ADMIN),
    SOURCE_LIST("source.list", Kind.PLAIN, false, ANALYST, SUPERVISOR, PRIVACY_OFFICER, AUDITOR, ADMIN),
    SOURCE_UPDATE("source.update", Kind.PLAIN, true, ADMIN),
    LOAD_START("load.start", Kind.PLAIN, true, ADMIN),
    LOAD_STATUS("load.status", Kind.PLAIN, false, ADMIN),
    /** What a retention run would remove: counts per source, no personal data. */
    RETENTION_PREVIEW("retention.preview", Kind.PLAIN, false, PRIVACY_OFFICER, ADMIN),
    /** Destroying expired records is the privacy officer's alone: an administrator sets the periods, not the run. */
    RETENTION_RUN("retention.run", Kind.PLAIN, true, PRIVACY_OFFICER),
    RETENTION_HISTORY("retention.history", Kind.PLAIN, false, PRIVACY_OFFICER, ADMIN, AUDITOR),
    LEGAL_HOLD_LIST("case.hold.list", Kind.PLAIN, false, SUPERVISOR, PRIVACY_OFFICER),
    LEGAL_HOLD_SET("case.hold.set", Kind.PLAIN, true, SUPERVISOR, PRIVACY_OFFICER),
    LEGAL_HOLD_RELEASE("case.hold.release", Kind.PLAIN, true, SUPERVISOR, PRIVACY_OFFICER),
    USER_LIST("user.list", Kind.PLAIN, false, ADMIN),
    USER_CREATE("user.create", Kind.PLAIN, true, ADMIN),
    USER_UPDATE("user.update", Kind.PLAIN, true, ADMIN),
    AUDIT_SEARCH("audit.search", Kind.PLAIN, false, AUDITOR),
    AUDIT_VERIFY("audit.verify", Kind.PLAIN, false, AUDITOR),
    AUDIT_ALERTS("audit.alerts", Kind.PLAIN, false, AUDITOR),
    // analytical reports, their review and dissemination to partner agencies; the accounting of disclosures
    REPORT_LIST("report.list", Kind.PERSONAL, false, ANALYST, SUPERVISOR),
    REPORT_READ("report.read", Kind.PERSONAL, false, ANALYST, SUPERVISOR),
    /** Saving a version: every entity the report covers must be a subject of the case. */
    REPORT_SAVE("report.save", Kind.SUBJECT, true, ANALYST, SUPERVISOR),
    REPORT_QUEUE("report.queue", Kind.PERSONAL, false, SUPERVISOR),
    /** Approving or rejecting a version: a supervisor, never the version's author. */
    REPORT_REVIEW("report.review", Kind.PERSONAL, true, SUPERVISOR),
    DISSEMINATE("report.disseminate", Kind.PERSONAL, true, ANALYST, SUPERVISOR),
    DISSEMINATION_LIST("dissemination.list", Kind.PERSONAL, false, ANALYST, SUPERVISOR),
    DISSEMINATION_REVOKE("dissemination.revoke", Kind.PERSONAL, true, ANALYST, SUPERVISOR),
    PARTNER_ORGANIZATIONS("partner.organizations", Kind.PLAIN, false, ANALYST, SUPERVISOR),
    /** Which disseminations held a person's data: a privacy officer for anyone, a supervisor for a subject of the case. */
    DISCLOSURES("disclosure.accounting", Kind.SUBJECT, false, SUPERVISOR, PRIVACY_OFFICER),
    INBOX_LIST("inbox.list", Kind.DISSEMINATED, false, PARTNER),
    INBOX_READ("inbox.read", Kind.DISSEMINATED, false, PARTNER),
    // privacy operations: an individual's access and correction requests, worked by the privacy officer
    ACCESS_REQUEST_LIST("access.request.list", Kind.PRIVACY, false, PRIVACY_OFFICER),
    ACCESS_REQUEST_CREATE("access.request.create", Kind.PRIVACY, true, PRIVACY_OFFICER),
    ACCESS_REQUEST_READ("access.request.read", Kind.PRIVACY, false, PRIVACY_OFFICER),
    ACCESS_REQUEST_DECIDE("access.request.decide", Kind.PRIVACY, true, PRIVACY_OFFICER),
    ACCESS_REQUEST_STATUS("access.request.status", Kind.PRIVACY, true, PRIVACY_OFFICER),
    ACCESS_REQUEST_PACKAGE("access.request.package", Kind.PRIVACY, false, PRIVACY_OFFICER),
    CORRECTION_LIST("correction.list", Kind.PRIVACY, false, PRIVACY_OFFICER),
    CORRECTION_CREATE("correction.create", Kind.PRIVACY, true, PRIVACY_OFFICER),
    CORRECTION_READ("correction.read", Kind.PRIVACY, false, PRIVACY_OFFICER),
    CORRECTION_DECIDE("correction.decide", Kind.PRIVACY, true, PRIVACY_OFFICER);

    /** What an operation touches, which decides what the policy asks of the caller beyond a role. */
    public enum Kind {
        /** No personal data: the role is enough. */
        PLAIN,
        /** Personal data: a case the user works in, a declared purpose, current privacy training. */
        PERSONAL,
        /** Personal data about given entities: also, each must be a subject of the case. */
        SUBJECT,
        /**
         * Personal data reached through an individual's own request (access, correction): a declared purpose and
         * current privacy training, but no case: the request is what the data is for (a declared case is recorded).
         */
        PRIVACY,
        /**
         * What was disseminated to the caller's organization, and nothing else: no case, purpose or privacy training of
         * ours (a partner agency works under its sharing agreement), but the dissemination must be addressed to the
         * caller's organization and not revoked ({@link AccessPolicy#checkRecipient}).
         */
        DISSEMINATED
    }

    private final String action;
    private final Kind kind;
    private final boolean changes;
    private final Set<Role> roles;
    private final Permission permission;

    Operation(String action, Kind kind, boolean changes, Role first, Role... more) {
        this(action, kind, changes, null, first, more);
    }

    Operation(String action, Kind kind, boolean changes, Permission permission, Role first, Role... more) {
        this.action = action;
        this.kind = kind;
        this.changes = changes;
        this.permission = permission;
        this.roles = EnumSet.of(first, more);
    }

    /** The permission the user needs besides one of the roles; null when a role is enough. */
    public Permission permission() {
        return permission;
    }

    /** Whether it changes something (audited before it runs, so that no change goes unaudited). */
    public boolean changes() {
        return changes;
    }

    public String action() {
        return action;
    }

    public Kind kind() {
        return kind;
    }

    public Set<Role> roles() {
        return roles;
    }

    /** Whether it works on the store's personal data under the case, purpose and training rules. */
    public boolean personal() {
        return kind == Kind.PERSONAL || kind == Kind.SUBJECT || kind == Kind.PRIVACY;
    }
}

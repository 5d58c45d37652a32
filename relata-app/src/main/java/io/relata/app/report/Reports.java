package io.relata.app.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.relata.app.NotFoundException;
import io.relata.app.Workspace;
import io.relata.app.access.AccessDeniedException;
import io.relata.app.access.PartnerRecipients;
import io.relata.app.access.Redactor;
import io.relata.app.access.User;
import io.relata.core.model.RecordKey;
import io.relata.store.CaseFile;
import io.relata.store.Disclosure;
import io.relata.store.Dissemination;
import io.relata.store.DisseminationCopy;
import io.relata.store.Report;
import io.relata.store.ReportVersion;
import io.relata.store.StoredRecord;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Analytical reports: an analyst composes a draft from a case, every save freezing a new version; a supervisor other
 * than its author approves or rejects a version; an approved version is disseminated to a partner organization as a
 * copy redacted for it and watermarked with it, whose records are kept for the accounting of disclosures; a
 * dissemination can be revoked. Authorization is the caller's (the {@code Guard}); this class keeps the rules that
 * need the report's own facts.
 */
public final class Reports {
    private final Workspace ws;

    public Reports(Workspace ws) {
        this.ws = ws;
    }

    /** What one reader's copy looks like in each form. */
    public record Rendering(ReportContent content, byte[] pdf, byte[] html, byte[] chartPng) {}

    /** Opens a report in a case with its first version. */
    public ReportVersion create(long caseId, ReportDraft draft, String author) {
        CaseFile c = caseFile(caseId);
        Instant now = Instant.now();
        return ws.store().reports().create(caseId, draft.title(), author, snapshot(c, draft, author, now), now);
    }

    /** Saves a new version of a report of the case. */
    public ReportVersion save(long caseId, long reportId, ReportDraft draft, String author) {
        report(caseId, reportId);
        Instant now = Instant.now();
        return ws.store().reports().addVersion(reportId, draft.title(), author, snapshot(caseFile(caseId), draft, author, now), now);
    }

    private String snapshot(CaseFile c, ReportDraft draft, String author, Instant at) {
        try {
            return ReportComposer.JSON.writeValueAsString(new ReportComposer(ws).compose(c, draft, author, at));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A report of the case; not found when it belongs to another. */
    public Report report(long caseId, long reportId) {
        return ws.store().reports().get(reportId).filter(r -> r.caseId() == caseId)
                .orElseThrow(() -> new NotFoundException("no report " + reportId + " in case " + caseId));
    }

    public ReportVersion version(long caseId, long reportId, int version) {
        report(caseId, reportId);
        return ws.store().reports().version(reportId, version)
                .orElseThrow(() -> new NotFoundException("no version " + version + " of report " + reportId));
    }

    /** Approves or rejects a pending version; its author may not. */
    public ReportVersion review(long caseId, long reportId, int version, boolean approve, String note, String reviewer) {
        ReportVersion v = version(caseId, reportId, version);
        if (v.author().equals(reviewer)) {
            throw new AccessDeniedException(AccessDeniedException.Reason.FORBIDDEN,
                    "you wrote version " + version + " of report " + reportId + ": another supervisor reviews it");
        }
        return ws.store().reports().review(reportId, version, approve, reviewer, note, Instant.now());
    }

    /** A version's content as {@code reader} may see it. */
    public ReportContent content(ReportVersion v, User reader) {
        return ReportRedaction.redact(v.reportId(), v.version(), parse(v.snapshot()), new Redactor(reader, ws.store().sources()));
    }

    /** A version as {@code reader} may see it, rendered for them with {@code watermark} on every page. */
    public Rendering render(ReportVersion v, User reader, String watermark) {
        return render(v, new Redactor(reader, ws.store().sources()), watermark);
    }

    /** Renders without the store: a dissemination's copy is rendered inside the transaction that records it. */
    private static Rendering render(ReportVersion v, Redactor redactor, String watermark) {
        ReportContent content = ReportRedaction.redact(v.reportId(), v.version(), parse(v.snapshot()), redactor);
        byte[] png = content.chart() == null ? new byte[0] : ChartImage.png(content.chart());
        return new Rendering(content, ReportPdf.render(content, watermark, png), ReportHtml.render(content, watermark, png), png);
    }

    /** The watermark of an internal reader's preview. */
    public static String previewMark(User reader) {
        return "PREVIEW for " + reader.username() + " - not a disseminated copy";
    }

    /** The watermark of a disseminated copy: its recipient and its dissemination. */
    public static String copyMark(String organization, long dissemination) {
        return "Disseminated to " + organization + " - dissemination " + dissemination;
    }

    /** The partner organizations a report can go to. */
    public List<String> organizations() {
        return new PartnerRecipients(ws.store()).organizations();
    }

    /**
     * Sends an approved version to a partner organization: its copy is redacted for the organization, watermarked
     * with it and the dissemination's id, and kept with the records it holds.
     */
    public Dissemination disseminate(long caseId, long reportId, int version, String organization, String purpose,
                                     String agreement, String sender) {
        ReportVersion v = version(caseId, reportId, version);
        User recipient = new PartnerRecipients(ws.store()).authorization(organization)
                .orElseThrow(() -> new IllegalArgumentException("'" + organization + "' is not a partner organization; "
                        + "known: " + organizations()));
        Redactor redactor = new Redactor(recipient, ws.store().sources());
        return ws.store().disseminations().create(reportId, version, organization, purpose, agreement, sender, Instant.now(), id -> {
            Rendering r = render(v, redactor, copyMark(organization, id));
            return new DisseminationCopy(r.content().toJson().toString(), r.pdf(), r.html(), r.content().records());
        });
    }

    /** A dissemination of one of the case's reports; not found when it is another case's. */
    public Dissemination dissemination(long caseId, long id) {
        return ws.store().disseminations().get(id).filter(d -> d.caseId() == caseId)
                .orElseThrow(() -> new NotFoundException("no dissemination " + id + " in case " + caseId));
    }

    public Dissemination revoke(long caseId, long id, String by, String reason) {
        dissemination(caseId, id);
        return ws.store().disseminations().revoke(id, by, reason, Instant.now());
    }

    /** The copy a dissemination sent, exactly as sent. */
    public DisseminationCopy copy(long id) {
        return ws.store().disseminations().copy(id).orElseThrow(() -> new NotFoundException("no dissemination " + id));
    }

    /**
     * The disseminations whose copies held any of these records (revoked ones too: a revocation does not unsend a
     * copy), each with those of the records it held: who to notify when the records are corrected.
     */
    public List<Disclosure> recipientsHolding(Collection<RecordKey> records) {
        return ws.store().disseminations().holding(records);
    }

    /**
     * The accounting of disclosures for a person: the disseminations that held data of any of the entity's current
     * records, so that it follows the person through merges and splits.
     */
    public List<Disclosure> accounting(long entity) {
        List<RecordKey> records = new ArrayList<>();
        for (StoredRecord r : ws.store().entity(entity).orElseThrow(() -> new NotFoundException("no entity " + entity)).records()) {
            records.add(r.key());
        }
        return recipientsHolding(records);
    }

    private CaseFile caseFile(long caseId) {
        return ws.store().cases().get(caseId).orElseThrow(() -> new NotFoundException("no case " + caseId));
    }

    static JsonNode parse(String json) {
        try {
            return ReportComposer.JSON.readTree(json.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a stored report snapshot is not JSON", e);
        }
    }
}

package io.relata.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.relata.app.Workspace;
import io.relata.app.access.AccessContext;
import io.relata.app.access.Guard;
import io.relata.app.access.Operation;
import io.relata.app.access.Redactor;
import io.relata.app.report.ChartImage;
import io.relata.app.report.ChartSpec;
import io.relata.app.report.ReportContent;
import io.relata.app.report.ReportDraft;
import io.relata.app.report.Reports;
import io.relata.core.model.RecordKey;
import io.relata.store.Disclosure;
import io.relata.store.Dissemination;
import io.relata.store.DisseminationStore;
import io.relata.store.Report;
import io.relata.store.ReportStatus;
import io.relata.store.ReportVersion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.relata.server.ApiRoute.Param.optional;
import static io.relata.server.ApiRoute.Param.required;

/**
 * A case's analytical reports: compose and save versions, preview them, a supervisor's review, dissemination to
 * partner organizations and its revocation; and the accounting of disclosures for a person.
 */
final class ReportApi {
    static final int MAX_NARRATIVE = 20_000;
    static final String DRAFT = "{title, markings: the classification and caveat line, handling, narrative, "
            + "entities: [id or SOURCE:ID, ...] (subjects of the case, 1-" + ReportDraft.MAX_ENTITIES + "), chart: null or "
            + "{kind: NETWORK, from, hops: 1-" + ChartSpec.MAX_HOPS + "} or {kind: PATH, from, to} (ends among the entities)}";
    private static final String VERSION = "/api/cases/{id}/reports/{report}/versions/{version}";
    private final Workspace ws;
    private final Guard guard;
    private final Calls calls;

    ReportApi(Workspace ws, Guard guard, Calls calls) {
        this.ws = ws;
        this.guard = guard;
        this.calls = calls;
    }

    List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/api/cases/{id}/reports", "The case's reports, newest first, each with its latest version",
                        Operation.REPORT_LIST, Calls.pageParams(100, 500), this::list),
                ApiRoute.post("/api/cases/{id}/reports", "Compose a report; its first version is frozen now and awaits a "
                        + "supervisor's approval", Operation.REPORT_SAVE, DRAFT, this::create),
                ApiRoute.get("/api/cases/{id}/reports/{report}", "A report with its versions and disseminations",
                        Operation.REPORT_READ, List.of(), this::report),
                ApiRoute.post("/api/cases/{id}/reports/{report}/versions", "Save a new version of the report (frozen now, "
                        + "awaiting approval)", Operation.REPORT_SAVE, DRAFT, this::save),
                ApiRoute.get(VERSION, "A version's content as you may see it, and the draft it was composed from",
                        Operation.REPORT_READ, List.of(), this::version),
                ApiRoute.get(VERSION + "/document", "A preview of the version as PDF or HTML, rendered for you",
                        Operation.REPORT_READ, List.of(optional("format", "pdf (default) or html")), this::preview),
                ApiRoute.get(VERSION + "/chart.png", "The version's chart as a picture, as you may see it",
                        Operation.REPORT_READ, List.of(), this::chart),
                ApiRoute.post(VERSION + "/review", "Approve or reject a version (a supervisor other than its author)",
                        Operation.REPORT_REVIEW, "{decision: APPROVE|REJECT, note (required to reject)}", this::review),
                ApiRoute.get("/api/cases/{id}/approvals", "The case's report versions awaiting approval, oldest first",
                        Operation.REPORT_QUEUE, Calls.pageParams(100, 500), this::approvals),
                ApiRoute.post(VERSION + "/disseminations", "Send an approved version to a partner organization: a copy "
                        + "redacted for it and watermarked with it", Operation.DISSEMINATE,
                        "{organization, purpose, agreement: the sharing agreement it goes under}", this::disseminate),
                ApiRoute.get("/api/cases/{id}/disseminations", "Where the case's reports went, newest first",
                        Operation.DISSEMINATION_LIST, Calls.pageParams(100, 500), this::disseminations),
                ApiRoute.post("/api/cases/{id}/disseminations/{dissemination}/revocation", "Revoke a dissemination: "
                        + "the partner no longer sees it", Operation.DISSEMINATION_REVOKE, "{reason}", this::revoke),
                ApiRoute.get("/api/partner-organizations", "The partner organizations reports can be sent to",
                        Operation.PARTNER_ORGANIZATIONS, Calls.pageParams(100, 500), this::organizations),
                ApiRoute.get("/api/disclosures", "The accounting of disclosures: which disseminations held a person's data, "
                        + "to whom, when, why, under which agreement", Operation.DISCLOSURES,
                        CaseApi.withPaging(List.of(required("person", "entity id or SOURCE:ID")), 100, 500), this::disclosures));
    }

    private static AccessContext inCase(Context ctx, long caseId) {
        AccessContext a = Calls.access(ctx);
        return new AccessContext(a.user(), caseId, a.purpose(), a.clientAddress());
    }

    private void list(Context ctx) {
        long caseId = Calls.pathId(ctx, "id");
        Calls.Page page = Calls.page(ctx, 100, 500);
        ObjectNode out = guard.run(inCase(ctx, caseId), Operation.REPORT_LIST, List.of(), List.of("case:" + caseId), null, () -> {
            List<Report> all = ws.store().reports().ofCase(caseId);
            List<JsonNode> items = new ArrayList<>();
            List<String> shown = new ArrayList<>();
            for (Report r : page.of(all)) {
                ObjectNode x = report(r);
                ReportVersion latest = ws.store().reports().versions(r.id()).get(0);
                x.put("latest_version", latest.version()).put("latest_status", latest.status().name())
                        .put("latest_author", latest.author());
                items.add(x);
                shown.add("report:" + r.id());
            }
            return Guard.Answer.of(Views.page(items, page, page.more(all)), items.size(), shown);
        });
        ctx.json(out);
    }

    private void create(Context ctx) {
        long caseId = Calls.pathId(ctx, "id");
        ReportDraft draft = draft(calls.body(ctx));
        ReportVersion v = guard.run(inCase(ctx, caseId), Operation.REPORT_SAVE, draft.entities(), List.of("case:" + caseId),
                draft.title(), () -> Guard.Answer.of(new Reports(ws).create(caseId, draft, Calls.user(ctx).username())));
        ctx.status(201).json(version(v));
    }

    private void save(Context ctx) {
        long caseId = Calls.pathId(ctx, "id"), reportId = Calls.pathId(ctx, "report");
        ReportDraft draft = draft(calls.body(ctx));
        ReportVersion v = guard.run(inCase(ctx, caseId), Operation.REPORT_SAVE, draft.entities(),
                List.of("case:" + caseId, "report:" + reportId), draft.title(),
                () -> Guard.Answer.of(new Reports(ws).save(caseId, reportId, draft, Calls.user(ctx).username())));
        ctx.status(201).json(version(v));
    }

    private void report(Context ctx) {
        long caseId = Calls.pathId(ctx, "id"), reportId = Calls.pathId(ctx, "report");
        ObjectNode out = guard.run(inCase(ctx, caseId), Operation.REPORT_READ, List.of(), List.of("case:" + caseId,
                "report:" + reportId), null, () -> {
            Report r = new Reports(ws).report(caseId, reportId);
            ObjectNode n = report(r);
            ArrayNode versions = n.putArray("versions");
            for (ReportVersion v : ws.store().reports().versions(reportId)) versions.add(version(v));
            ArrayNode sent = n.putArray("disseminations");
            for (Dissemination d : ws.store().disseminations().ofCase(caseId)) if (d.reportId() == reportId) sent.add(dissemination(d));
            return Guard.Answer.of(n, versions.size(), List.of());
        });
        ctx.json(out);
    }

    private void version(Context ctx) {
        long caseId = Calls.pathId(ctx, "id"), reportId = Calls.pathId(ctx, "report");
        int number = versionNumber(ctx);
        AccessContext access = inCase(ctx, caseId);
        ObjectNode out = guard.run(access, Operation.REPORT_READ, List.of(), objects(caseId, reportId, number), null, () -> {
            Reports reports = new Reports(ws);
            ReportVersion v = reports.version(caseId, reportId, number);
            ReportContent content = reports.content(v, access.user());
            ObjectNode n = version(v);
            n.set("content", content.toJson());
            n.set("draft", draftOf(Views.parse(v.snapshot())));
            return Guard.Answer.of(n, content.entities().size(), shown(content));
        });
        ctx.json(out);
    }

    private void preview(Context ctx) {
        long caseId = Calls.pathId(ctx, "id"), reportId = Calls.pathId(ctx, "report");
        int number = versionNumber(ctx);
        boolean pdf = pdf(ctx);
        AccessContext access = inCase(ctx, caseId);
        Reports.Rendering r = guard.run(access, Operation.REPORT_READ, List.of(), objects(caseId, reportId, number),
                pdf ? "pdf" : "html", () -> {
                    ReportVersion v = new Reports(ws).version(caseId, reportId, number);
                    Reports.Rendering rendering = new Reports(ws).render(v, access.user(), Reports.previewMark(access.user()));
                    return Guard.Answer.of(rendering, rendering.content().entities().size(), shown(rendering.content()));
                });
        document(ctx, pdf, pdf ? r.pdf() : r.html(), "report-" + reportId + "-v" + number + "-preview");
    }

    private void chart(Context ctx) {
        long caseId = Calls.pathId(ctx, "id"), reportId = Calls.pathId(ctx, "report");
        int number = versionNumber(ctx);
        AccessContext access = inCase(ctx, caseId);
        byte[] png = guard.run(access, Operation.REPORT_READ, List.of(), objects(caseId, reportId, number), "chart", () -> {
            Reports reports = new Reports(ws);
            ReportContent content = reports.content(reports.version(caseId, reportId, number), access.user());
            if (content.chart() == null) throw ProblemException.notFound("version " + number + " has no chart");
            return Guard.Answer.of(ChartImage.png(content.chart()), content.chart().nodes().size(), shown(content));
        });
        ctx.contentType("image/png").result(png);
    }

    private void review(Context ctx) {
        long caseId = Calls.pathId(ctx, "id"), reportId = Calls.pathId(ctx, "report");
        int number = versionNumber(ctx);
        JsonNode body = calls.body(ctx);
        String decision = Calls.text(body, "decision", true, 10).toUpperCase(Locale.ROOT);
        if (!decision.equals("APPROVE") && !decision.equals("REJECT")) {
            throw ProblemException.badRequest("decision must be APPROVE or REJECT, not '" + decision + "'");
        }
        String note = Calls.text(body, "note", decision.equals("REJECT"), 2000);
        ReportVersion v = guard.run(inCase(ctx, caseId), Operation.REPORT_REVIEW, List.of(), objects(caseId, reportId, number),
                decision + (note == null ? "" : ": " + note), () -> Guard.Answer.of(new Reports(ws).review(caseId, reportId,
                        number, decision.equals("APPROVE"), note, Calls.user(ctx).username())));
        ctx.json(version(v));
    }

    private void approvals(Context ctx) {
        long caseId = Calls.pathId(ctx, "id");
        Calls.Page page = Calls.page(ctx, 100, 500);
        ObjectNode out = guard.run(inCase(ctx, caseId), Operation.REPORT_QUEUE, List.of(), List.of("case:" + caseId), null, () -> {
            List<ReportVersion> all = ws.store().reports().pending(caseId);
            List<JsonNode> items = new ArrayList<>();
            List<String> shown = new ArrayList<>();
            for (ReportVersion v : page.of(all)) {
                ObjectNode x = version(v);
                x.put("title", Views.parse(v.snapshot()).path("title").asText());
                items.add(x);
                shown.add("report:" + v.reportId());
            }
            return Guard.Answer.of(Views.page(items, page, page.more(all)), items.size(), shown);
        });
        ctx.json(out);
    }

    private void disseminate(Context ctx) {
        long caseId = Calls.pathId(ctx, "id"), reportId = Calls.pathId(ctx, "report");
        int number = versionNumber(ctx);
        JsonNode body = calls.body(ctx);
        String organization = Calls.text(body, "organization", true, DisseminationStore.MAX_ORGANIZATION_LENGTH);
        String purpose = Calls.text(body, "purpose", true, DisseminationStore.MAX_PURPOSE_LENGTH);
        String agreement = Calls.text(body, "agreement", true, DisseminationStore.MAX_AGREEMENT_LENGTH);
        List<String> objects = new ArrayList<>(objects(caseId, reportId, number));
        objects.add("organization:" + organization);
        Dissemination d = guard.run(inCase(ctx, caseId), Operation.DISSEMINATE, List.of(), objects,
                "to " + organization + " for " + purpose + " under " + agreement, () -> Guard.Answer.of(
                        new Reports(ws).disseminate(caseId, reportId, number, organization, purpose, agreement,
                                Calls.user(ctx).username())));
        ctx.status(201).json(dissemination(d));
    }

    private void disseminations(Context ctx) {
        long caseId = Calls.pathId(ctx, "id");
        Calls.Page page = Calls.page(ctx, 100, 500);
        ObjectNode out = guard.run(inCase(ctx, caseId), Operation.DISSEMINATION_LIST, List.of(), List.of("case:" + caseId), null, () -> {
            List<Dissemination> all = ws.store().disseminations().ofCase(caseId);
            List<JsonNode> items = new ArrayList<>();
            List<String> shown = new ArrayList<>();
            for (Dissemination d : page.of(all)) {
                items.add(dissemination(d));
                shown.add("dissemination:" + d.id());
            }
            return Guard.Answer.of(Views.page(items, page, page.more(all)), items.size(), shown);
        });
        ctx.json(out);
    }

    private void revoke(Context ctx) {
        long caseId = Calls.pathId(ctx, "id"), id = Calls.pathId(ctx, "dissemination");
        String reason = Calls.text(calls.body(ctx), "reason", true, DisseminationStore.MAX_REASON_LENGTH);
        Dissemination d = guard.run(inCase(ctx, caseId), Operation.DISSEMINATION_REVOKE, List.of(),
                List.of("case:" + caseId, "dissemination:" + id), reason,
                () -> Guard.Answer.of(new Reports(ws).revoke(caseId, id, Calls.user(ctx).username(), reason)));
        ctx.json(dissemination(d));
    }

    private void organizations(Context ctx) {
        Calls.Page page = Calls.page(ctx, 100, 500);
        ObjectNode out = guard.run(Calls.access(ctx), Operation.PARTNER_ORGANIZATIONS, List.of(), List.of(), null, () -> {
            List<String> all = new Reports(ws).organizations();
            List<JsonNode> items = new ArrayList<>();
            for (String o : page.of(all)) items.add(Views.JSON.createObjectNode().put("organization", o));
            return Guard.Answer.of(Views.page(items, page, page.more(all)), items.size(), List.of());
        });
        ctx.json(out);
    }

    private void disclosures(Context ctx) {
        String person = Calls.requiredQuery(ctx, "person");
        long entity = DataApi.entityOrZero(ws, person); // 0: denied like an entity outside the case
        Calls.Page page = Calls.page(ctx, 100, 500);
        AccessContext access = Calls.access(ctx);
        ObjectNode out = guard.run(access, Operation.DISCLOSURES, List.of(entity), List.of(), "person " + person, () -> {
            Redactor redactor = new Redactor(access.user(), ws.store().sources());
            List<Disclosure> all = new Reports(ws).accounting(entity);
            List<JsonNode> items = new ArrayList<>();
            List<String> shown = new ArrayList<>();
            for (Disclosure d : page.of(all)) {
                ObjectNode x = dissemination(d.dissemination());
                ArrayNode records = x.putArray("records");
                int hidden = 0;
                for (RecordKey k : d.records()) {
                    if (redactor.canSee(k)) records.add(k.toString());
                    else hidden++;
                }
                x.put("records_of_sources_you_may_not_see", hidden);
                items.add(x);
                shown.add("dissemination:" + d.dissemination().id());
            }
            return Guard.Answer.of(Views.page(items, page, page.more(all)), items.size(), shown);
        });
        ctx.json(out);
    }

    // ------------------------------------------------------------------------------------------ reading and rendering

    private ReportDraft draft(JsonNode body) {
        String title = Calls.text(body, "title", true, io.relata.store.ReportStore.MAX_TITLE_LENGTH);
        String markings = Calls.text(body, "markings", true, 200);
        String handling = Calls.text(body, "handling", false, 2000);
        String narrative = Calls.text(body, "narrative", false, MAX_NARRATIVE);
        JsonNode list = body.get("entities");
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > ReportDraft.MAX_ENTITIES) {
            throw ProblemException.badRequest("'entities' must be a list of 1 to " + ReportDraft.MAX_ENTITIES
                    + " entities, each an id or SOURCE:ID");
        }
        List<Long> entities = new ArrayList<>();
        for (JsonNode e : list) entities.add(entityRef(e, "each of 'entities'"));
        ChartSpec chart = null;
        JsonNode c = body.get("chart");
        if (c != null && !c.isNull()) {
            if (!c.isObject()) throw ProblemException.badRequest("'chart' must be an object or null");
            String kind = Calls.text(c, "kind", true, 10).toUpperCase(Locale.ROOT);
            long from = entityRef(c.get("from"), "the chart's 'from'");
            long to = kind.equals("PATH") ? entityRef(c.get("to"), "the chart's 'to'") : -1;
            if (from == 0 || to == 0) {
                // an unknown entity: the guard denies it like one outside the case, telling nothing more
                entities.add(0L);
                return new ReportDraft(title, markings, handling, narrative, entities, null);
            }
            if (kind.equals("NETWORK")) {
                JsonNode hops = c.get("hops");
                int h = hops == null ? 1 : hops.isIntegralNumber() && hops.canConvertToInt() ? hops.asInt() : -1;
                if (h < 1 || h > ChartSpec.MAX_HOPS) throw ProblemException.badRequest("the chart's hops must be 1 to " + ChartSpec.MAX_HOPS);
                chart = ChartSpec.network(from, h);
            } else if (kind.equals("PATH")) {
                if (from == to) throw ProblemException.badRequest("a path chart needs two different entities");
                chart = ChartSpec.path(from, to);
            } else {
                throw ProblemException.badRequest("the chart's kind must be NETWORK or PATH, not '" + kind + "'");
            }
            if (!entities.contains(from) || kind.equals("PATH") && !entities.contains(chart.to())) {
                throw ProblemException.badRequest("the chart's entities must be among the report's entities");
            }
        }
        return new ReportDraft(title, markings, handling, narrative, entities, chart);
    }

    /** An entity named by id or SOURCE:ID; an unknown one is 0, which the guard denies as outside the case. */
    private long entityRef(JsonNode n, String what) {
        if (n == null || !(n.isTextual() || n.isIntegralNumber())) {
            throw ProblemException.badRequest(what + " must be an entity id or SOURCE:ID");
        }
        String ref = n.asText();
        Calls.checkCharacters(what, ref);
        if (ref.length() > 200) throw ProblemException.badRequest(what + " is longer than 200 characters");
        return DataApi.entityOrZero(ws, ref);
    }

    /** The draft a version was composed from, for an editor to start the next version. */
    private static ObjectNode draftOf(JsonNode snapshot) {
        ObjectNode d = Views.JSON.createObjectNode();
        for (String f : List.of("title", "markings", "handling", "narrative")) d.set(f, snapshot.path(f));
        ArrayNode entities = d.putArray("entities");
        for (JsonNode e : snapshot.path("entities")) entities.add(e.path("entity").asLong());
        JsonNode c = snapshot.path("chart");
        if (c.isObject()) {
            ObjectNode chart = d.putObject("chart").put("kind", c.path("kind").asText()).put("from", c.path("from").asLong());
            if (c.has("hops")) chart.put("hops", c.path("hops").asInt());
            if (c.has("to")) chart.put("to", c.path("to").asLong());
        } else {
            d.putNull("chart");
        }
        return d;
    }

    private static int versionNumber(Context ctx) {
        long v = Calls.pathId(ctx, "version");
        if (v > Integer.MAX_VALUE) throw ProblemException.badRequest("version must be a whole number up to " + Integer.MAX_VALUE);
        return (int) v;
    }

    static boolean pdf(Context ctx) {
        String format = Calls.optionalQuery(ctx, "format");
        if (format == null || format.equalsIgnoreCase("pdf")) return true;
        if (format.equalsIgnoreCase("html")) return false;
        throw ProblemException.badRequest("format must be pdf or html, not '" + format + "'");
    }

    /** A document as a download (HTML too: it is a copy to keep, not a page of this application). */
    static void document(Context ctx, boolean pdf, byte[] bytes, String name) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + (pdf ? ".pdf" : ".html") + "\"");
        ctx.contentType(pdf ? "application/pdf" : "text/html; charset=utf-8").result(bytes);
    }

    private static List<String> objects(long caseId, long reportId, int version) {
        return List.of("case:" + caseId, "report:" + reportId, "report:" + reportId + "/v" + version);
    }

    /** The entities a reader was shown: those the report covers and those its chart draws (for "who looked at"). */
    private static List<String> shown(ReportContent c) {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        for (ReportContent.EntitySummary e : c.entities()) out.add("entity:" + e.entity());
        if (c.chart() != null) for (ReportContent.Node n : c.chart().nodes()) out.add("entity:" + n.entity());
        return List.copyOf(out);
    }

    private static ObjectNode report(Report r) {
        return Views.JSON.createObjectNode().put("id", r.id()).put("case", r.caseId()).put("title", r.title())
                .put("created_by", r.createdBy()).put("created_at", r.createdAt().toString());
    }

    static ObjectNode version(ReportVersion v) {
        ObjectNode n = Views.JSON.createObjectNode().put("report", v.reportId()).put("version", v.version())
                .put("author", v.author()).put("created_at", v.createdAt().toString()).put("status", v.status().name())
                .put("snapshot_sha256", v.snapshotSha256()).put("reviewed_by", v.reviewedBy())
                .put("reviewed_at", v.reviewedAt() == null ? null : v.reviewedAt().toString()).put("review_note", v.reviewNote());
        n.put("disseminable", v.status() == ReportStatus.APPROVED);
        return n;
    }

    static ObjectNode dissemination(Dissemination d) {
        return Views.JSON.createObjectNode().put("id", d.id()).put("report", d.reportId()).put("version", d.version())
                .put("case", d.caseId()).put("title", d.title()).put("organization", d.organization()).put("purpose", d.purpose())
                .put("agreement", d.agreement()).put("sent_by", d.sentBy()).put("sent_at", d.sentAt().toString())
                .put("pdf_sha256", d.pdfSha256()).put("html_sha256", d.htmlSha256()).put("revoked", d.revoked())
                .put("revoked_by", d.revokedBy()).put("revoked_at", d.revokedAt() == null ? null : d.revokedAt().toString())
                .put("revoke_reason", d.revokeReason());
    }
}

package io.relata.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.relata.app.Workspace;
import io.relata.app.access.AccessContext;
import io.relata.app.access.Guard;
import io.relata.app.access.Operation;
import io.relata.app.report.Reports;
import io.relata.store.Dissemination;
import io.relata.store.DisseminationCopy;

import java.util.ArrayList;
import java.util.List;

import static io.relata.server.ApiRoute.Param.optional;

/**
 * What a partner agency's user sees: the reports disseminated to their organization and not revoked, each exactly as
 * its copy was sent. Nothing else of Relata answers them; every view is audited.
 */
final class PartnerApi {
    private final Workspace ws;
    private final Guard guard;

    PartnerApi(Workspace ws, Guard guard) {
        this.ws = ws;
        this.guard = guard;
    }

    List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/api/inbox", "The reports disseminated to your organization, newest first",
                        Operation.INBOX_LIST, Calls.pageParams(100, 500), this::list),
                ApiRoute.get("/api/inbox/{id}", "A report disseminated to your organization: what was sent, why, under "
                        + "which agreement, and its content", Operation.INBOX_READ, List.of(), this::read),
                ApiRoute.get("/api/inbox/{id}/document", "The copy sent to your organization, as PDF or HTML",
                        Operation.INBOX_READ, List.of(optional("format", "pdf (default) or html")), this::document));
    }

    /** A partner works under their sharing agreement, not in one of our cases: no case or purpose is recorded. */
    private static AccessContext recipient(Context ctx) {
        AccessContext a = Calls.access(ctx);
        return new AccessContext(a.user(), null, null, a.clientAddress());
    }

    private void list(Context ctx) {
        Calls.Page page = Calls.page(ctx, 100, 500);
        AccessContext access = recipient(ctx);
        ObjectNode out = guard.runAsRecipient(access, Operation.INBOX_LIST, null, List.of(), null, () -> {
            List<Dissemination> all = ws.store().disseminations().toOrganization(access.user().organization());
            List<JsonNode> items = new ArrayList<>();
            List<String> shown = new ArrayList<>();
            for (Dissemination d : page.of(all)) {
                items.add(received(d));
                shown.add("dissemination:" + d.id());
            }
            return Guard.Answer.of(Views.page(items, page, page.more(all)), items.size(), shown);
        });
        ctx.json(out);
    }

    private void read(Context ctx) {
        long id = Calls.pathId(ctx, "id");
        ObjectNode out = guard.runAsRecipient(recipient(ctx), Operation.INBOX_READ, id, List.of(), null, () -> {
            Dissemination d = ws.store().disseminations().get(id).orElseThrow();
            DisseminationCopy copy = new Reports(ws).copy(id);
            ObjectNode n = received(d);
            n.set("content", Views.parse(copy.content()));
            return Guard.Answer.of(n, 1, held(d, copy));
        });
        ctx.json(out);
    }

    private void document(Context ctx) {
        long id = Calls.pathId(ctx, "id");
        boolean pdf = ReportApi.pdf(ctx);
        byte[] bytes = guard.runAsRecipient(recipient(ctx), Operation.INBOX_READ, id, List.of(), pdf ? "pdf" : "html", () -> {
            Dissemination d = ws.store().disseminations().get(id).orElseThrow();
            DisseminationCopy copy = new Reports(ws).copy(id);
            return Guard.Answer.of(pdf ? copy.pdf() : copy.html(), 1, held(d, copy));
        });
        ReportApi.document(ctx, pdf, bytes, "dissemination-" + id);
    }

    /** What a partner's view showed, for the trail: the report, and the records whose data the copy holds. */
    private static List<String> held(Dissemination d, DisseminationCopy copy) {
        List<String> out = new ArrayList<>();
        out.add("report:" + d.reportId());
        copy.records().forEach(k -> out.add("record:" + k));
        return out;
    }

    /** A dissemination as its recipient sees it: no sender's internals beyond what the copy itself says. */
    private static ObjectNode received(Dissemination d) {
        return Views.JSON.createObjectNode().put("id", d.id()).put("report", d.reportId()).put("version", d.version())
                .put("title", d.title()).put("organization", d.organization()).put("purpose", d.purpose())
                .put("agreement", d.agreement()).put("sent_at", d.sentAt().toString()).put("pdf_sha256", d.pdfSha256())
                .put("html_sha256", d.htmlSha256());
    }
}

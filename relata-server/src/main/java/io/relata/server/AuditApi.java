package io.relata.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.relata.app.access.AccessContext;
import io.relata.app.access.Guard;
import io.relata.app.access.Operation;
import io.relata.app.audit.AuditExport;
import io.relata.app.audit.AuditTrail;
import io.relata.app.audit.AuditVerification;
import io.relata.store.AuditAlert;
import io.relata.store.AuditAlertStatus;
import io.relata.store.AuditEntry;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import static io.relata.server.ApiRoute.Param.optional;

/** For auditors: who looked at a person, what a user did, the chain's verification, unusual-activity alerts. */
final class AuditApi {
    private final AuditTrail audit;
    private final Guard guard;

    AuditApi(AuditTrail audit, Guard guard) {
        this.audit = audit;
        this.guard = guard;
    }

    List<ApiRoute> routes() {
        List<ApiRoute.Param> entries = CaseApi.withPaging(List.of(
                optional("object", "entity:123 or record:SOURCE:ID: who looked at it"),
                optional("actor", "a user name: what the user did"), optional("from", "ISO-8601 instant"),
                optional("to", "ISO-8601 instant"), optional("format", "json (default) or csv (text/csv, RFC 4180, "
                        + "with each entry's hash; the page is said in X-Next-Offset)")), 100, 1000);
        return List.of(
                ApiRoute.get("/api/audit/entries", "Audit entries about an object or by an actor (one of them is required)",
                        Operation.AUDIT_SEARCH, entries, this::entries),
                ApiRoute.get("/api/audit/verify", "Verify the hash chain and its signed checkpoints", Operation.AUDIT_VERIFY,
                        List.of(), this::verify),
                ApiRoute.get("/api/audit/alerts", "Unusual activity raised for auditors", Operation.AUDIT_ALERTS,
                        CaseApi.withPaging(List.of(optional("status", "OPEN or REVIEWED")), 100, 500), this::alerts));
    }

    private void entries(Context ctx) throws IOException {
        String object = Calls.optionalQuery(ctx, "object"), actor = Calls.optionalQuery(ctx, "actor");
        if ((object == null) == (actor == null)) throw ProblemException.badRequest("give exactly one of 'object' or 'actor'");
        Instant from = instant(ctx, "from", Instant.EPOCH), to = instant(ctx, "to", Instant.parse("9999-12-31T00:00:00Z"));
        String format = Calls.optionalQuery(ctx, "format");
        boolean csv = format != null && format.equalsIgnoreCase("csv");
        if (format != null && !csv && !format.equalsIgnoreCase("json")) {
            throw ProblemException.badRequest("format is json or csv, not '" + format + "'");
        }
        Calls.Page page = Calls.page(ctx, 100, 1000);
        AccessContext access = Calls.access(ctx);
        List<AuditEntry> found = guard.run(access, Operation.AUDIT_SEARCH, List.of(),
                List.of(object != null ? object : "user:" + actor),
                (object != null ? "object=" + object : "actor=" + actor) + (csv ? " as csv" : ""), () -> {
                    List<AuditEntry> more = object != null
                            ? audit.whoLookedAt(object, from, to, page.limit() + 1, page.offset())
                            : audit.activityOf(actor, from, to, page.limit() + 1, page.offset());
                    return Guard.Answer.of(more, Math.min(more.size(), page.limit()), List.of());
                });
        boolean more = found.size() > page.limit();
        List<AuditEntry> shown = found.subList(0, Math.min(found.size(), page.limit()));
        if (csv) {
            StringWriter out = new StringWriter();
            AuditExport.csv(shown, out);
            if (more) ctx.header("X-Next-Offset", Long.toString((long) page.offset() + page.limit()));
            ctx.header("Content-Disposition", "attachment; filename=\"audit-entries.csv\"")
                    .contentType("text/csv; charset=utf-8").result(out.toString());
            return;
        }
        List<JsonNode> items = new ArrayList<>();
        for (AuditEntry e : shown) items.add(entry(e));
        ctx.json(Views.page(items, page, more));
    }

    static ObjectNode entry(AuditEntry e) {
        ObjectNode n = Views.JSON.createObjectNode().put("seq", e.seq()).put("at", e.at().toString()).put("actor", e.actor())
                .put("client_address", e.clientAddress()).put("action", e.action()).put("outcome", e.outcome())
                .put("result_count", e.resultCount()).put("purpose", e.purpose()).put("detail", e.detail());
        if (e.caseId() != null) n.put("case", e.caseId());
        ArrayNode objects = n.putArray("objects");
        e.objects().forEach(objects::add);
        return n;
    }

    private void verify(Context ctx) {
        AccessContext access = Calls.access(ctx);
        AuditVerification v = guard.run(access, Operation.AUDIT_VERIFY, List.of(), List.of(), null,
                () -> Guard.Answer.of(audit.verify()));
        ObjectNode n = Views.JSON.createObjectNode().put("ok", v.ok()).put("entries_checked", v.entriesChecked())
                .put("checkpoints_checked", v.checkpointsChecked());
        if (!v.ok()) n.put("first_bad_seq", v.firstBadSeq()).put("problem", v.problem());
        ctx.json(n);
    }

    private void alerts(Context ctx) {
        String statusText = Calls.optionalQuery(ctx, "status");
        AuditAlertStatus status = statusText == null ? null : CaseApi.parse(AuditAlertStatus.class, statusText);
        Calls.Page page = Calls.page(ctx, 100, 500);
        AccessContext access = Calls.access(ctx);
        ObjectNode out = guard.run(access, Operation.AUDIT_ALERTS, List.of(), List.of(), null, () -> {
            List<JsonNode> items = new ArrayList<>();
            List<AuditAlert> found = audit.alerts(status, page.limit() + 1, page.offset());
            for (AuditAlert a : found.subList(0, Math.min(found.size(), page.limit()))) {
                items.add(Views.JSON.createObjectNode().put("id", a.id()).put("at", a.at().toString()).put("actor", a.actor())
                        .put("kind", a.kind().name()).put("detail", a.detail()).put("status", a.status().name()));
            }
            return Guard.Answer.of(Views.page(items, page, found.size() > page.limit()), items.size(), List.of());
        });
        ctx.json(out);
    }

    private static Instant instant(Context ctx, String name, Instant def) {
        String v = Calls.optionalQuery(ctx, name);
        if (v == null) return def;
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name + " must be an ISO-8601 instant such as 2026-11-30T12:00:00Z");
        }
    }
}

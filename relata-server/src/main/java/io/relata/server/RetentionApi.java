package io.relata.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.relata.app.LegalHolds;
import io.relata.app.Retention;
import io.relata.app.RetentionJson;
import io.relata.app.Workspace;
import io.relata.app.access.AccessContext;
import io.relata.app.access.AccessDeniedException;
import io.relata.app.access.AccessPolicy;
import io.relata.app.access.Guard;
import io.relata.app.access.Operation;
import io.relata.app.audit.AuditQueries;
import io.relata.store.AuditEntry;
import io.relata.store.CaseHold;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.relata.server.ApiRoute.Param.optional;

/**
 * Retention and legal holds: what a run would remove, the run itself on the server's own workspace (under the
 * request lock like every route, so memory and store change together), past runs from the audit trail, and holds.
 */
final class RetentionApi {
    /** Past runs are read from the trail whole and shown newest first; runs are daily at most, so this is decades. */
    private static final int MAX_RUNS = 10_000;

    private final Workspace ws;
    private final Guard guard;
    private final Calls calls;
    private final AccessPolicy policy;
    private final Clock clock;

    RetentionApi(Workspace ws, Guard guard, Calls calls, Clock clock) {
        this.ws = ws;
        this.guard = guard;
        this.calls = calls;
        this.policy = new AccessPolicy(ws.store(), clock);
        this.clock = clock;
    }

    List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/api/retention", "What a retention run would remove: per source its period, records, "
                                + "expired, kept under legal hold and removed (a dry run: changes nothing)",
                        Operation.RETENTION_PREVIEW, List.of(optional("as_of", "YYYY-MM-DD in UTC (default today)")),
                        this::preview),
                ApiRoute.post("/api/retention/runs", "Remove the records expired by today (or as_of, not later) with "
                                + "everything derived from them; one audit entry names them", Operation.RETENTION_RUN,
                        "{confirm: true, as_of: YYYY-MM-DD}", this::run),
                ApiRoute.get("/api/retention/runs", "Past retention runs, newest first, from the audit trail",
                        Operation.RETENTION_HISTORY, Calls.pageParams(20, 200), this::runs),
                ApiRoute.get("/api/legal-holds", "Every case with its legal hold (who set it, when, why)",
                        Operation.LEGAL_HOLD_LIST, Calls.pageParams(100, 500), this::holds),
                ApiRoute.put("/api/cases/{id}/legal-hold", "Put a case under legal hold: retention keeps its subjects' "
                        + "records", Operation.LEGAL_HOLD_SET, "{reason}", this::hold),
                ApiRoute.delete("/api/cases/{id}/legal-hold", "Release a case's legal hold",
                        Operation.LEGAL_HOLD_RELEASE, this::release).withQuery(List.of(optional("reason", "why, for the audit trail"))));
    }

    private static LocalDate date(String text, LocalDate def) {
        if (text == null) return def;
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("as_of is a date as YYYY-MM-DD, not '" + text + "'");
        }
    }

    private void preview(Context ctx) {
        Retention retention = new Retention(ws, clock);
        LocalDate asOf = date(Calls.optionalQuery(ctx, "as_of"), retention.today());
        ObjectNode out = guard.run(Calls.access(ctx), Operation.RETENTION_PREVIEW, List.of(), List.of(), "as of " + asOf, () -> {
            Retention.Plan plan = retention.plan(asOf);
            return Guard.Answer.of(RetentionJson.of(plan, null, false).put("today", retention.today().toString()));
        });
        ctx.json(out);
    }

    private void run(Context ctx) {
        JsonNode body = calls.body(ctx);
        JsonNode confirm = body.get("confirm");
        if (confirm == null || !confirm.isBoolean() || !confirm.asBoolean()) {
            throw ProblemException.badRequest("confirm must be true: a run removes records for good");
        }
        Retention retention = new Retention(ws, clock);
        LocalDate asOf = date(Calls.text(body, "as_of", false, 10), retention.today());
        AccessContext access = Calls.access(ctx);
        // the run's one audit entry names what it removes, so the plan is made first; but only for a caller who may
        // run it, lest a refused caller's entry list records, or cost a plan
        Retention.Plan plan = permits(access) ? retention.plan(asOf) : null;
        if (plan != null) retention.requireRunnable(plan);
        Retention.Outcome outcome = guard.run(access, Operation.RETENTION_RUN, List.of(),
                plan == null ? List.of(Retention.RUN_OBJECT) : plan.auditObjects(),
                plan == null ? "as of " + asOf : plan.auditDetail(),
                () -> Guard.Answer.of(retention.run(plan, access.actor())));
        ctx.json(RetentionJson.of(plan, outcome, false));
    }

    private boolean permits(AccessContext access) {
        try {
            policy.check(access, Operation.RETENTION_RUN, List.of());
            return true;
        } catch (AccessDeniedException e) {
            return false;
        }
    }

    private void runs(Context ctx) {
        Calls.Page page = Calls.page(ctx, 20, 200);
        ObjectNode out = guard.run(Calls.access(ctx), Operation.RETENTION_HISTORY, List.of(), List.of(), null, () -> {
            List<AuditEntry> all = new ArrayList<>(new AuditQueries(ws.store())
                    .whoLookedAt(Retention.RUN_OBJECT, null, null, MAX_RUNS, 0));
            all.removeIf(e -> !e.action().equals(Operation.RETENTION_RUN.action()));
            Collections.reverse(all);
            List<JsonNode> items = new ArrayList<>();
            for (AuditEntry e : page.of(all)) {
                items.add(Views.JSON.createObjectNode().put("seq", e.seq()).put("at", e.at().toString())
                        .put("actor", e.actor()).put("outcome", e.outcome()).put("detail", e.detail()));
            }
            return Guard.Answer.of(Views.page(items, page, page.more(all)), items.size(), List.of());
        });
        ctx.json(out);
    }

    private void holds(Context ctx) {
        Calls.Page page = Calls.page(ctx, 100, 500);
        ObjectNode out = guard.run(Calls.access(ctx), Operation.LEGAL_HOLD_LIST, List.of(), List.of(), null, () -> {
            List<CaseHold> all = new LegalHolds(ws, clock).list();
            List<JsonNode> items = new ArrayList<>();
            for (CaseHold h : page.of(all)) items.add(RetentionJson.of(h));
            return Guard.Answer.of(Views.page(items, page, page.more(all)), items.size(), List.of());
        });
        ctx.json(out);
    }

    private void hold(Context ctx) {
        long caseId = Calls.pathId(ctx, "id");
        String reason = Calls.text(calls.body(ctx), "reason", true, LegalHolds.MAX_REASON_LENGTH);
        AccessContext access = Calls.access(ctx);
        CaseHold h = guard.run(access, Operation.LEGAL_HOLD_SET, List.of(), List.of("case:" + caseId), reason,
                () -> Guard.Answer.of(new LegalHolds(ws, clock).hold(caseId, access.actor(), reason)));
        ctx.json(RetentionJson.of(h));
    }

    private void release(Context ctx) {
        long caseId = Calls.pathId(ctx, "id");
        String reason = Calls.optionalQuery(ctx, "reason");
        CaseHold h = guard.run(Calls.access(ctx), Operation.LEGAL_HOLD_RELEASE, List.of(), List.of("case:" + caseId), reason,
                () -> Guard.Answer.of(new LegalHolds(ws, clock).release(caseId)));
        ctx.json(RetentionJson.of(h));
    }
}

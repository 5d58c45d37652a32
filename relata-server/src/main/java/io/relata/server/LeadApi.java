package io.relata.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.relata.app.Curation;
import io.relata.app.GraphJson;
import io.relata.app.Leads;
import io.relata.app.Relationships;
import io.relata.app.Workspace;
import io.relata.app.access.AccessContext;
import io.relata.app.access.Guard;
import io.relata.app.access.Operation;
import io.relata.app.access.Redactor;
import io.relata.app.access.Role;
import io.relata.core.model.RecordKey;
import io.relata.core.relate.pattern.PatternCatalog;
import io.relata.core.resolve.live.MatchDecision;
import io.relata.core.standardize.RecordFeatures;
import io.relata.store.Lead;
import io.relata.store.LeadStatus;
import io.relata.store.ReviewItem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import static io.relata.server.ApiRoute.Param.optional;

/** Leads from the pattern catalog and the review queue of possible matches, each with its disposition. */
final class LeadApi {
    private final Workspace ws;
    private final Guard guard;
    private final Calls calls;

    LeadApi(Workspace ws, Guard guard, Calls calls) {
        this.ws = ws;
        this.guard = guard;
        this.calls = calls;
    }

    List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/api/leads", "Leads for review, best score first: for a supervisor every lead (triage), "
                        + "for an analyst those involving a subject of the case", Operation.LEAD_LIST,
                        CaseApi.withPaging(List.of(optional("pattern", "only this pattern"),
                                optional("status", "OPEN, REVIEWED, DISMISSED, ESCALATED or RETIRED")), 50, 500), this::leads),
                ApiRoute.post("/api/leads/{id}/disposition", "Record your view of a lead, with a note", Operation.LEAD_DISPOSE,
                        "{status: REVIEWED|DISMISSED|ESCALATED, note}", this::disposeLead),
                ApiRoute.get("/api/review", "Possible matches waiting for a person", Operation.REVIEW_LIST,
                        Calls.pageParams(50, 500), this::review),
                ApiRoute.post("/api/review/decisions", "Decide whether two records are the same entity, with a reason",
                        Operation.REVIEW_DECIDE, "{first: SOURCE:ID, second: SOURCE:ID, same: true|false, reason}", this::decide));
    }

    private void leads(Context ctx) {
        String pattern = Calls.optionalQuery(ctx, "pattern");
        String statusText = Calls.optionalQuery(ctx, "status");
        LeadStatus status = statusText == null ? null : CaseApi.parse(LeadStatus.class, statusText);
        Calls.Page page = Calls.page(ctx, 50, 500);
        AccessContext access = Calls.access(ctx);
        ObjectNode out = guard.run(access, Operation.LEAD_LIST, List.of(), List.of(), pattern, () -> {
            List<JsonNode> items = new ArrayList<>();
            List<String> shown = new ArrayList<>();
            // members as they are now and as the user may see them: the stored members name every record
            Redactor redactor = new Redactor(access.user(), ws.store().sources());
            GraphJson members = new GraphJson(new Relationships(ws), redactor::canSee);
            Leads leads = new Leads(ws, PatternCatalog.defaults());
            List<Lead> found = triage(access) ? leads.list(pattern, status, page.limit() + 1, page.offset())
                    : leads.listForCase(access.caseId(), pattern, status, page.limit() + 1, page.offset());
            for (Lead l : found.subList(0, Math.min(found.size(), page.limit()))) {
                ObjectNode x = Views.JSON.createObjectNode().put("id", l.id()).put("pattern", l.pattern())
                        .put("score", l.score()).put("status", l.status().name()).put("note", l.note())
                        .put("disposed_by", l.disposedBy());
                ArrayNode list = x.putArray("members");
                List<RecordKey> quoted = new ArrayList<>();
                for (JsonNode m : Views.parse(l.members())) {
                    long entity = m.path("entity").asLong();
                    list.add(members.entity(entity));
                    shown.add("entity:" + entity);
                    for (JsonNode r : m.path("records")) quoted.add(RecordKey.parse(r.asText()));
                }
                ArrayNode evidence = x.putArray("evidence");
                for (JsonNode e : Views.parse(l.evidence())) {
                    evidence.add(redactor.quoting(e.asText(), quoted, this::featuresOrNull));
                }
                items.add(x);
            }
            return Guard.Answer.of(Views.page(items, page, found.size() > page.limit()), items.size(), shown);
        });
        ctx.json(out);
    }

    /**
     * Need-to-know for leads: a supervisor triages every lead (and brings its people into a case); an analyst sees and
     * disposes of the leads that involve a subject of the case they work in (the policy has checked membership).
     */
    private static boolean triage(AccessContext access) {
        return access.user().roles().contains(Role.SUPERVISOR);
    }

    /** A record's standardized values; null for one no longer held (a lead's members are as the scan found them). */
    private RecordFeatures featuresOrNull(RecordKey key) {
        try {
            return ws.resolver().features(key);
        } catch (NoSuchElementException e) {
            return null;
        }
    }

    private void disposeLead(Context ctx) {
        long id = Calls.pathId(ctx, "id");
        JsonNode body = calls.body(ctx);
        LeadStatus status = CaseApi.parse(LeadStatus.class, Calls.text(body, "status", true, 20));
        String note = Calls.text(body, "note", true, 2000);
        AccessContext access = Calls.access(ctx);
        guard.run(access, Operation.LEAD_DISPOSE, List.of(), List.of("lead:" + id), status + ": " + note, () -> {
            Leads leads = new Leads(ws, PatternCatalog.defaults());
            if (triage(access)) leads.dispose(id, status, note, access.actor());
            else leads.disposeInCase(access.caseId(), id, status, note, access.actor());
            return Guard.Answer.of(null);
        });
        ctx.status(204);
    }

    private void review(Context ctx) {
        Calls.Page page = Calls.page(ctx, 50, 500);
        AccessContext access = Calls.access(ctx);
        ObjectNode out = guard.run(access, Operation.REVIEW_LIST, List.of(), List.of(), null, () -> {
            List<JsonNode> items = new ArrayList<>();
            List<String> shown = new ArrayList<>();
            Redactor redactor = new Redactor(access.user(), ws.store().sources());
            List<ReviewItem> found = ws.store().reviewItems("OPEN", page.limit() + 1, page.offset());
            for (ReviewItem r : found.subList(0, Math.min(found.size(), page.limit()))) {
                // a pair with a record the user may not see is someone else's to decide
                if (!redactor.canSee(r.first()) || !redactor.canSee(r.second())) continue;
                items.add(Views.JSON.createObjectNode().put("id", r.id()).put("first", r.first().toString())
                        .put("second", r.second().toString()).put("weight", r.weight()).put("match_key", r.matchKey())
                        .put("probability", io.relata.core.relate.RelationGraph.probability(r.weight()))
                        .put("first_entity", ws.graph().entityOf(r.first())).put("second_entity", ws.graph().entityOf(r.second())));
                shown.add("record:" + r.first());
                shown.add("record:" + r.second());
            }
            return Guard.Answer.of(Views.page(items, page, found.size() > page.limit()), items.size(), shown);
        });
        ctx.json(out);
    }

    private void decide(Context ctx) {
        JsonNode body = calls.body(ctx);
        RecordKey first = DataApi.recordKey(Calls.text(body, "first", true, 300));
        RecordKey second = DataApi.recordKey(Calls.text(body, "second", true, 300));
        JsonNode same = body.get("same");
        if (same == null || !same.isBoolean()) throw ProblemException.badRequest("'same' must be true or false");
        String reason = Calls.text(body, "reason", true, 2000);
        if (first.equals(second)) throw ProblemException.badRequest("a decision needs two different records");
        AccessContext access = Calls.access(ctx);
        guard.run(access, Operation.REVIEW_DECIDE, List.of(), List.of("record:" + first, "record:" + second), reason, () -> {
            Redactor redactor = new Redactor(access.user(), ws.store().sources());
            for (RecordKey k : List.of(first, second)) {
                if (!redactor.canSee(k)) throw new io.relata.app.NotFoundException("no record " + k);
            }
            new Curation(ws).decide(new MatchDecision(first, second, same.asBoolean(), reason, access.actor(), Instant.now()));
            return Guard.Answer.of(null);
        });
        ctx.status(204);
    }
}

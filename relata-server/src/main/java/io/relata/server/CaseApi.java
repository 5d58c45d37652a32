package io.relata.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.relata.app.Relationships;
import io.relata.app.Watching;
import io.relata.app.Workspace;
import io.relata.app.access.AccessContext;
import io.relata.app.access.Guard;
import io.relata.app.access.Operation;
import io.relata.app.access.Redactor;
import io.relata.app.access.Role;
import io.relata.store.Alert;
import io.relata.store.AlertStatus;
import io.relata.store.CaseFile;
import io.relata.store.CaseRole;
import io.relata.store.Watch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.relata.server.ApiRoute.Param.optional;

/** Cases, their members, watch lists and the alerts they raise. */
final class CaseApi {
    private final Workspace ws;
    private final Guard guard;
    private final Calls calls;

    CaseApi(Workspace ws, Guard guard, Calls calls) {
        this.ws = ws;
        this.guard = guard;
        this.calls = calls;
    }

    List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/api/cases", "The cases you are a member of (all of them for an administrator)",
                        Operation.CASE_LIST, Calls.pageParams(100, 500), this::list),
                ApiRoute.post("/api/cases", "Open a case; you become its owner", Operation.CASE_CREATE,
                        "{name, description}", this::create),
                ApiRoute.post("/api/cases/{id}/members", "Add a member to a case", Operation.CASE_MEMBER_ADD,
                        "{username, role: OWNER|MEMBER}", this::addMember),
                ApiRoute.get("/api/cases/{id}/watches", "The case's watch list", Operation.WATCH_LIST,
                        Calls.pageParams(100, 500), this::watches),
                ApiRoute.post("/api/cases/{id}/watches", "Watch a subject of the case: alerts when new data touches it",
                        Operation.WATCH_ADD, "{entity: id or SOURCE:ID, hops: 0-3, note}", this::watch),
                ApiRoute.get("/api/cases/{id}/alerts", "The alerts the case's watches raised, oldest first", Operation.ALERT_LIST,
                        withPaging(List.of(optional("status", "OPEN, ACKNOWLEDGED or DISMISSED")), 100, 500), this::alerts),
                ApiRoute.post("/api/cases/{id}/alerts/{alert}/disposition", "Acknowledge or dismiss an alert, with a note",
                        Operation.ALERT_DISPOSE, "{status: ACKNOWLEDGED|DISMISSED, note}", this::disposeAlert));
    }

    static List<ApiRoute.Param> withPaging(List<ApiRoute.Param> params, int def, int max) {
        List<ApiRoute.Param> all = new ArrayList<>(params);
        all.addAll(Calls.pageParams(def, max));
        return all;
    }

    private static AccessContext inCase(Context ctx, long caseId) {
        AccessContext a = Calls.access(ctx);
        return new AccessContext(a.user(), caseId, a.purpose(), a.clientAddress());
    }

    private void list(Context ctx) {
        Calls.Page page = Calls.page(ctx, 100, 500);
        AccessContext access = Calls.access(ctx);
        ObjectNode out = guard.run(access, Operation.CASE_LIST, List.of(), List.of(), null, () -> {
            boolean everyCase = access.user().roles().contains(Role.ADMIN);
            List<Long> mine = ws.store().cases().casesOf(access.user().username());
            List<CaseFile> all = ws.store().cases().list().stream().filter(c -> everyCase || mine.contains(c.id())).toList();
            List<JsonNode> items = new ArrayList<>();
            for (CaseFile c : page.of(all)) {
                items.add(Views.JSON.createObjectNode().put("id", c.id()).put("name", c.name()).put("description", c.description())
                        .put("status", c.status().name()).put("created_by", c.createdBy())
                        .put("created_at", c.createdAt().toString()).put("legal_hold", c.legalHold()));
            }
            return Guard.Answer.of(Views.page(items, page, page.more(all)), items.size(), List.of());
        });
        ctx.json(out);
    }

    private void create(Context ctx) {
        JsonNode body = calls.body(ctx);
        String name = Calls.text(body, "name", true, 200);
        String description = Calls.text(body, "description", false, 2000);
        AccessContext access = Calls.access(ctx);
        CaseFile c = guard.run(access, Operation.CASE_CREATE, List.of(), List.of(), name,
                () -> Guard.Answer.of(new Watching(ws).createCase(name, description, access.actor())));
        ctx.status(201).json(Views.JSON.createObjectNode().put("id", c.id()).put("name", c.name()));
    }

    private void addMember(Context ctx) {
        long caseId = Calls.pathId(ctx, "id");
        JsonNode body = calls.body(ctx);
        String username = Calls.text(body, "username", true, 64);
        String roleText = Calls.text(body, "role", false, 10);
        CaseRole role;
        try {
            role = roleText == null ? CaseRole.MEMBER : CaseRole.valueOf(roleText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("role must be OWNER or MEMBER, not '" + roleText + "'");
        }
        AccessContext access = Calls.access(ctx);
        guard.run(access, Operation.CASE_MEMBER_ADD, List.of(), List.of("case:" + caseId, "user:" + username), role.name(), () -> {
            if (ws.store().users().get(username).isEmpty()) throw new io.relata.app.NotFoundException("no user '" + username + "'");
            ws.store().cases().addMember(caseId, username, role);
            return Guard.Answer.of(null);
        });
        ctx.status(204);
    }

    private void watches(Context ctx) {
        long caseId = Calls.pathId(ctx, "id");
        Calls.Page page = Calls.page(ctx, 100, 500);
        AccessContext access = inCase(ctx, caseId);
        ObjectNode out = guard.run(access, Operation.WATCH_LIST, List.of(), List.of("case:" + caseId), null, () -> {
            List<JsonNode> items = new ArrayList<>();
            List<String> shown = new ArrayList<>();
            Relationships rel = new Relationships(ws);
            Redactor redactor = new Redactor(access.user(), ws.store().sources());
            List<Watch> all = ws.store().watches().ofCase(caseId);
            for (Watch w : page.of(all)) {
                items.add(Views.JSON.createObjectNode().put("id", w.id()).put("entity", w.entityId())
                        .put("label", rel.label(w.entityId(), redactor::canSee)).put("hops", w.hops()).put("active", w.active())
                        .put("note", w.note()).put("created_by", w.createdBy()).put("created_at", w.createdAt().toString()));
                shown.add("entity:" + w.entityId());
            }
            return Guard.Answer.of(Views.page(items, page, page.more(all)), items.size(), shown);
        });
        ctx.json(out);
    }

    private void watch(Context ctx) {
        long caseId = Calls.pathId(ctx, "id");
        JsonNode body = calls.body(ctx);
        String ref = Calls.text(body, "entity", true, 200);
        JsonNode hopsNode = body.get("hops");
        int hops = hopsNode == null ? 1 : hopsNode.canConvertToInt() && hopsNode.isIntegralNumber() ? hopsNode.asInt() : -1;
        if (hops < 0 || hops > 3) throw ProblemException.badRequest("hops must be a whole number from 0 to 3");
        String note = Calls.text(body, "note", false, 1000);
        AccessContext access = inCase(ctx, caseId);
        long entity = DataApi.entityOrZero(ws, ref); // 0: the guard denies it as outside the case, telling nothing more
        Watch w = guard.run(access, Operation.WATCH_ADD, List.of(entity), List.of("case:" + caseId), note,
                () -> Guard.Answer.of(ws.store().watches().add(caseId, entity, hops, access.actor(), note, Instant.now())));
        ctx.status(201).json(Views.JSON.createObjectNode().put("id", w.id()).put("entity", entity).put("hops", hops));
    }

    private void alerts(Context ctx) {
        long caseId = Calls.pathId(ctx, "id");
        String statusText = Calls.optionalQuery(ctx, "status");
        AlertStatus status = statusText == null ? null : parse(AlertStatus.class, statusText);
        Calls.Page page = Calls.page(ctx, 100, 500);
        AccessContext access = inCase(ctx, caseId);
        ObjectNode out = guard.run(access, Operation.ALERT_LIST, List.of(), List.of("case:" + caseId), null, () -> {
            List<JsonNode> items = new ArrayList<>();
            List<String> shown = new ArrayList<>();
            Redactor redactor = new Redactor(access.user(), ws.store().sources());
            List<Alert> found = new Watching(ws).alerts(Long.toString(caseId), status, null, page.limit() + 1, page.offset());
            for (Alert a : found.subList(0, Math.min(found.size(), page.limit()))) {
                boolean seen = a.trigger() == null || redactor.canSee(a.trigger());
                ObjectNode x = Views.JSON.createObjectNode().put("id", a.id()).put("watch", a.watchId())
                        .put("entity", a.entityId()).put("touched_entity", a.touchedEntity()).put("kind", a.kind().name())
                        .put("distance", a.distance()).put("status", a.status().name()).put("at", a.createdAt().toString())
                        .put("trigger", a.trigger() == null ? null : seen ? a.trigger().toString() : HIDDEN_RECORD);
                x.set("evidence", alertEvidence(Views.parse(a.evidence()), seen, redactor));
                items.add(x);
                shown.add("entity:" + a.touchedEntity());
            }
            return Guard.Answer.of(Views.page(items, page, found.size() > page.limit()), items.size(), shown);
        });
        ctx.json(out);
    }

    /**
     * An alert's evidence as the user may see it: that new data touched the watch is always told, but a record the
     * user is not cleared for is not named and its values are not shown, and identifiers are shortened without the
     * permission to see them whole.
     */
    static JsonNode alertEvidence(JsonNode evidence, boolean triggerSeen, Redactor redactor) {
        if (!(evidence instanceof ObjectNode n)) return evidence;
        if (!triggerSeen) {
            n.put("record", HIDDEN_RECORD);
            for (JsonNode r : n.path("relations")) if (r instanceof ObjectNode o) o.putArray("evidence");
            return n;
        }
        for (JsonNode r : n.path("relations")) {
            if (!(r.path("evidence") instanceof ArrayNode list)) continue;
            for (int i = 0; i < list.size(); i++) {
                String e = list.get(i).asText();
                if (e.startsWith(SHARED_IDENTIFIER)) list.set(i, SHARED_IDENTIFIER + redactor.identifier(e.substring(SHARED_IDENTIFIER.length())));
            }
        }
        return n;
    }

    private static final String HIDDEN_RECORD = Redactor.HIDDEN_RECORD;
    private static final String SHARED_IDENTIFIER = io.relata.core.relate.RelationType.SHARED_IDENTIFIER + ": ";

    private void disposeAlert(Context ctx) {
        long caseId = Calls.pathId(ctx, "id"), alertId = Calls.pathId(ctx, "alert");
        JsonNode body = calls.body(ctx);
        AlertStatus status = parse(AlertStatus.class, Calls.text(body, "status", true, 20));
        if (status == AlertStatus.OPEN) throw ProblemException.badRequest("an alert is disposed of as ACKNOWLEDGED or DISMISSED");
        String note = Calls.text(body, "note", true, 2000);
        AccessContext access = inCase(ctx, caseId);
        guard.run(access, Operation.ALERT_DISPOSE, List.of(), List.of("case:" + caseId, "alert:" + alertId), note, () -> {
            Alert a = ws.store().alerts().get(alertId).filter(x -> x.caseId() == caseId)
                    .orElseThrow(() -> new io.relata.app.NotFoundException("no alert " + alertId + " in case " + caseId));
            new Watching(ws).disposeAlert(a.id(), status, note, access.actor());
            return Guard.Answer.of(null);
        });
        ctx.status(204);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String text) {
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("'" + text + "' is not one of " + java.util.EnumSet.allOf(type));
        }
    }
}

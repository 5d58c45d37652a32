package io.relata.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.relata.app.EntityProfile;
import io.relata.app.EntityProfiles;
import io.relata.app.NotFoundException;
import io.relata.app.Relationships;
import io.relata.app.Search;
import io.relata.app.Workspace;
import io.relata.app.access.AccessContext;
import io.relata.app.access.Guard;
import io.relata.app.access.Operation;
import io.relata.app.access.Redactor;
import io.relata.core.model.Address;
import io.relata.core.model.Identifier;
import io.relata.core.model.Name;
import io.relata.core.model.Record;
import io.relata.core.model.RecordKey;
import io.relata.core.resolve.EntityExplanation;
import io.relata.core.resolve.Explanation;
import io.relata.core.resolve.FeatureEvidence;
import io.relata.core.resolve.live.SearchHit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.relata.server.ApiRoute.Param.optional;
import static io.relata.server.ApiRoute.Param.required;

/** Search, entity profiles, why two records are (not) one entity, and the subjects a case works on. */
final class DataApi {
    private final Workspace ws;
    private final Guard guard;
    static final int MAX_EXPORT = 100;
    static final int MIN_JUSTIFICATION = 20;
    /** A search ranks at most this far down. */
    static final int MAX_SEARCH_DEPTH = 1000;
    private final Calls calls;

    DataApi(Workspace ws, Guard guard, Calls calls) {
        this.ws = ws;
        this.guard = guard;
        this.calls = calls;
    }

    List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/api/search", "Find entities by attributes, fuzzily, ranked; each hit says why it matched",
                        Operation.SEARCH, searchParams(), this::search),
                ApiRoute.get("/api/entities/{id}", "An entity: its records, values with sources, conflicts, history",
                        Operation.ENTITY_READ, List.of(), this::entity),
                ApiRoute.get("/api/entities/{id}/why", "Why two of the entity's records are (or are not) one entity",
                        Operation.ENTITY_WHY, List.of(required("a", "a record as SOURCE:ID"), required("b", "a record as SOURCE:ID")),
                        this::why),
                ApiRoute.get("/api/entities/{id}/how", "How the entity was built: the links that hold its records "
                        + "together, strongest first, each with its match key", Operation.ENTITY_HOW, List.of(), this::how),
                ApiRoute.post("/api/exports", "Export entities' profiles (redacted as you may see them) as one JSON "
                        + "bundle; needs the EXPORT permission and a written justification", Operation.EXPORT,
                        "{entities: [id, ...] (1-" + MAX_EXPORT + "), justification: why (at least " + MIN_JUSTIFICATION
                                + " characters)}", this::export),
                ApiRoute.post("/api/cases/{id}/subjects", "Make an entity a subject of the case (need-to-know), with a reason",
                        Operation.CASE_SUBJECT_ADD, "{entity: id or SOURCE:ID, reason}", this::addSubject),
                ApiRoute.get("/api/cases/{id}/subjects", "The entities the case works on", Operation.CASE_SUBJECTS,
                        Calls.pageParams(100, 500), this::subjects));
    }

    private static List<ApiRoute.Param> searchParams() {
        List<ApiRoute.Param> p = new ArrayList<>(List.of(optional("name", "a full name, any order"),
                optional("dob", "birth date, any common form"), optional("phone", "phone"), optional("email", "e-mail"),
                optional("identifier", "TYPE:VALUE"), optional("address", "one-line address")));
        p.addAll(Calls.pageParams(20, 100));
        return p;
    }

    private void search(Context ctx) {
        AccessContext access = Calls.access(ctx);
        Record.Builder q = Record.builder("SEARCH", "query");
        List<String> criteria = new ArrayList<>();
        String name = Calls.optionalQuery(ctx, "name");
        if (name != null) {
            q.name(Name.full(name));
            criteria.add("name=" + name);
        }
        String dob = Calls.optionalQuery(ctx, "dob");
        if (dob != null) {
            q.dob(dob);
            criteria.add("dob=" + dob);
        }
        String phone = Calls.optionalQuery(ctx, "phone");
        if (phone != null) {
            q.phone(phone);
            criteria.add("phone=" + phone);
        }
        String email = Calls.optionalQuery(ctx, "email");
        if (email != null) {
            q.email(email);
            criteria.add("email=" + email);
        }
        String identifier = Calls.optionalQuery(ctx, "identifier");
        if (identifier != null) {
            int colon = identifier.indexOf(':');
            if (colon < 1 || colon == identifier.length() - 1) {
                throw ProblemException.badRequest("identifier must be TYPE:VALUE, e.g. PASSPORT:X1234567");
            }
            q.identifier(new Identifier(identifier.substring(0, colon), identifier.substring(colon + 1), null));
            criteria.add("identifier=" + identifier.substring(0, colon) + ":...");
        }
        String address = Calls.optionalQuery(ctx, "address");
        if (address != null) {
            q.address(Address.full(address));
            criteria.add("address=" + address);
        }
        if (criteria.isEmpty()) throw ProblemException.badRequest("search needs at least one of name, dob, phone, email, identifier, address");
        Calls.Page page = Calls.page(ctx, 20, 100);
        if ((long) page.offset() + page.limit() > MAX_SEARCH_DEPTH) {
            throw ProblemException.badRequest("a search ranks its first " + MAX_SEARCH_DEPTH + " hits: offset + limit "
                    + "must not go beyond; narrow the search instead");
        }
        Record query = q.build();
        ObjectNode out = guard.run(access, Operation.SEARCH, List.of(), List.of(), String.join("; ", criteria), () -> {
            Redactor redactor = new Redactor(access.user(), ws.store().sources());
            Relationships rel = new Relationships(ws);
            // a hit whose best record the user may not see is not shown, nor counted for the pages
            List<SearchHit> visible = new Search(ws).run(query, page.offset() + page.limit() + 1).stream()
                    .filter(h -> redactor.canSee(h.record())).toList();
            List<JsonNode> items = new ArrayList<>();
            List<String> shown = new ArrayList<>();
            for (SearchHit h : page.of(visible)) {
                items.add(Views.JSON.createObjectNode().put("entity", h.entityId())
                        .put("label", rel.label(h.entityId(), redactor::canSee)).put("record", h.record().toString())
                        .put("weight", h.weight()).put("probability", h.probability()).put("match", h.match())
                        .put("match_key", h.matchKey()));
                shown.add("entity:" + h.entityId());
            }
            return Guard.Answer.of(Views.page(items, page, page.more(visible)), items.size(), shown);
        });
        ctx.json(out);
    }

    private void entity(Context ctx) {
        long id = Calls.pathId(ctx, "id");
        AccessContext access = Calls.access(ctx);
        ObjectNode out = guard.run(access, Operation.ENTITY_READ, List.of(id), List.of(), null, () -> {
            EntityProfile p = new EntityProfiles(ws.store()).entity(id)
                    .orElseThrow(() -> new NotFoundException("no entity " + id));
            EntityProfile visible = new Redactor(access.user(), ws.store().sources()).profile(p);
            return Guard.Answer.of(Views.profile(visible), visible.records().size(),
                    visible.records().stream().map(r -> "record:" + r.key()).toList());
        });
        ctx.json(out);
    }

    private void why(Context ctx) {
        long id = Calls.pathId(ctx, "id");
        RecordKey a = recordKey(Calls.requiredQuery(ctx, "a")), b = recordKey(Calls.requiredQuery(ctx, "b"));
        AccessContext access = Calls.access(ctx);
        ObjectNode out = guard.run(access, Operation.ENTITY_WHY, List.of(id), List.of("record:" + a, "record:" + b), null, () -> {
            for (RecordKey k : List.of(a, b)) {
                if (ws.graph().entityOf(k) != id) throw new NotFoundException("no record " + k + " in entity " + id);
            }
            Redactor redactor = new Redactor(access.user(), ws.store().sources());
            if (!redactor.canSee(a) || !redactor.canSee(b)) throw new NotFoundException("no record to compare in entity " + id);
            Explanation e = ws.resolver().why(a, b);
            ObjectNode n = Views.JSON.createObjectNode().put("a", a.toString()).put("b", b.toString())
                    .put("outcome", e.outcome().name()).put("match_key", e.matchKey()).put("weight", e.total())
                    .put("probability", e.probability());
            ArrayNode features = n.putArray("features");
            for (FeatureEvidence f : e.features()) {
                features.addObject().put("feature", f.feature().name()).put("level", f.level()).put("weight", f.weight())
                        .put("conflict", f.conflict());
            }
            return Guard.Answer.of(n, 1, List.of());
        });
        ctx.json(out);
    }

    private void how(Context ctx) {
        long id = Calls.pathId(ctx, "id");
        AccessContext access = Calls.access(ctx);
        ObjectNode out = guard.run(access, Operation.ENTITY_HOW, List.of(id), List.of(), null, () -> {
            EntityExplanation how = ws.resolver().how(id);
            if (how.records().isEmpty()) throw new NotFoundException("no active entity " + id);
            Redactor redactor = new Redactor(access.user(), ws.store().sources());
            ObjectNode n = Views.JSON.createObjectNode().put("entity", id);
            ArrayNode records = n.putArray("records");
            List<String> shown = new ArrayList<>();
            for (RecordKey k : how.records()) {
                if (!redactor.canSee(k)) continue;
                records.add(k.toString());
                shown.add("record:" + k);
            }
            // a link with a record the user may not see is left out with the record
            ArrayNode steps = n.putArray("links");
            for (EntityExplanation.Step step : how.steps()) {
                if (!redactor.canSee(step.first()) || !redactor.canSee(step.second())) continue;
                boolean ruling = Double.isInfinite(step.weight());
                ObjectNode x = steps.addObject().put("first", step.first().toString()).put("second", step.second().toString())
                        .put("ruling", ruling).put("match_key", step.matchKey());
                if (ruling) x.putNull("weight");
                else x.put("weight", step.weight());
            }
            return Guard.Answer.of(n, shown.size(), shown);
        });
        ctx.json(out);
    }

    private void export(Context ctx) {
        JsonNode body = calls.body(ctx);
        JsonNode list = body.get("entities");
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > MAX_EXPORT) {
            throw ProblemException.badRequest("'entities' must be an array of 1 to " + MAX_EXPORT + " entity ids");
        }
        List<Long> entities = new ArrayList<>();
        for (JsonNode e : list) {
            if (!e.isIntegralNumber() || !e.canConvertToLong() || e.asLong() < 1) {
                throw ProblemException.badRequest("'entities' must hold entity ids (positive whole numbers), not " + e);
            }
            if (!entities.contains(e.asLong())) entities.add(e.asLong());
        }
        String justification = Calls.text(body, "justification", true, 2000);
        if (justification.length() < MIN_JUSTIFICATION) {
            throw ProblemException.badRequest("an export needs a written justification of at least " + MIN_JUSTIFICATION
                    + " characters: why this data must leave Relata, for whom");
        }
        AccessContext access = Calls.access(ctx);
        Instant now = Instant.now();
        ObjectNode out = guard.run(access, Operation.EXPORT, entities, List.of(), "justification: " + justification, () -> {
            Redactor redactor = new Redactor(access.user(), ws.store().sources());
            EntityProfiles profiles = new EntityProfiles(ws.store());
            ObjectNode n = Views.JSON.createObjectNode().put("exported_at", now.toString())
                    .put("exported_by", access.actor()).put("case", access.caseId()).put("purpose", access.purpose())
                    .put("justification", justification);
            ArrayNode items = n.putArray("entities");
            List<String> shown = new ArrayList<>();
            for (long id : entities) {
                EntityProfile p = profiles.entity(id).orElseThrow(() -> new NotFoundException("no entity " + id));
                EntityProfile visible = redactor.profile(p);
                items.add(Views.profile(visible));
                visible.records().forEach(r -> shown.add("record:" + r.key()));
            }
            return Guard.Answer.of(n, entities.size(), shown);
        });
        ctx.header("Content-Disposition", "attachment; filename=\"relata-export-"
                + now.toString().replace(':', '-') + ".json\"").json(out);
    }

    private void addSubject(Context ctx) {
        long caseId = Calls.pathId(ctx, "id");
        AccessContext declared = Calls.access(ctx);
        AccessContext access = new AccessContext(declared.user(), caseId, declared.purpose(), declared.clientAddress());
        JsonNode body = calls.body(ctx);
        String ref = Calls.text(body, "entity", true, 200);
        String reason = Calls.text(body, "reason", true, 1000);
        // whether the entity exists is told only to a caller the guard lets through
        long entity = entityOrZero(ws, ref);
        List<String> objects = entity == 0 ? List.of("case:" + caseId) : List.of("case:" + caseId, "entity:" + entity);
        guard.run(access, Operation.CASE_SUBJECT_ADD, List.of(), objects, reason, () -> {
            if (entity == 0) throw new NotFoundException("no active entity or record '" + ref + "'");
            ws.store().cases().addSubjects(caseId, new Relationships(ws).records(entity), access.actor(), reason, Instant.now());
            return Guard.Answer.of(null);
        });
        ctx.status(201).json(Views.JSON.createObjectNode().put("case", caseId).put("entity", entity));
    }

    private void subjects(Context ctx) {
        long caseId = Calls.pathId(ctx, "id");
        AccessContext declared = Calls.access(ctx);
        AccessContext access = new AccessContext(declared.user(), caseId, declared.purpose(), declared.clientAddress());
        Calls.Page page = Calls.page(ctx, 100, 500);
        ObjectNode out = guard.run(access, Operation.CASE_SUBJECTS, List.of(), List.of("case:" + caseId), null, () -> {
            Relationships rel = new Relationships(ws);
            Redactor redactor = new Redactor(access.user(), ws.store().sources());
            List<Long> all = ws.store().cases().subjectEntities(caseId);
            List<JsonNode> items = new ArrayList<>();
            List<String> shown = new ArrayList<>();
            for (long e : page.of(all)) {
                items.add(Views.JSON.createObjectNode().put("entity", e).put("label", rel.label(e, redactor::canSee)));
                shown.add("entity:" + e);
            }
            return Guard.Answer.of(Views.page(items, page, page.more(all)), items.size(), shown);
        });
        ctx.json(out);
    }

    /**
     * The entity a reference names, or 0 when there is none: a handler resolves references before the guard runs,
     * and a caller the guard would turn away must not learn from a 404 whether an entity or record exists.
     */
    static long entityOrZero(Workspace ws, String ref) {
        try {
            return new Relationships(ws).entity(ref);
        } catch (NotFoundException e) {
            return 0;
        }
    }

    static RecordKey recordKey(String text) {
        try {
            return RecordKey.parse(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("'" + text + "' is not a record as SOURCE:ID");
        }
    }
}

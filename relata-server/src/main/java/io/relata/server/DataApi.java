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
    private final Calls calls;

    DataApi(Workspace ws, Guard guard, Calls calls) {
        this.ws = ws;
        this.guard = guard;
        this.calls = calls;
    }

    List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/api/search", "Find entities by attributes, fuzzily, ranked; each hit says why it matched",
                        Operation.SEARCH, List.of(optional("name", "a full name, any order"), optional("dob", "birth date, any common form"),
                                optional("phone", "phone"), optional("email", "e-mail"), optional("identifier", "TYPE:VALUE"),
                                optional("address", "one-line address"), optional("limit", "at most this many (1-100, default 20)")),
                        this::search),
                ApiRoute.get("/api/entities/{id}", "An entity: its records, values with sources, conflicts, history",
                        Operation.ENTITY_READ, List.of(), this::entity),
                ApiRoute.get("/api/entities/{id}/why", "Why two of the entity's records are (or are not) one entity",
                        Operation.ENTITY_WHY, List.of(required("a", "a record as SOURCE:ID"), required("b", "a record as SOURCE:ID")),
                        this::why),
                ApiRoute.post("/api/cases/{id}/subjects", "Make an entity a subject of the case (need-to-know), with a reason",
                        Operation.CASE_SUBJECT_ADD, "{entity: id or SOURCE:ID, reason}", this::addSubject),
                ApiRoute.get("/api/cases/{id}/subjects", "The entities the case works on", Operation.CASE_SUBJECTS, List.of(),
                        this::subjects));
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
        int limit = Calls.intQuery(ctx, "limit", 20, 1, 100);
        Record query = q.build();
        ObjectNode out = guard.run(access, Operation.SEARCH, List.of(), List.of(), String.join("; ", criteria), () -> {
            Redactor redactor = new Redactor(access.user(), ws.store().sources());
            Relationships rel = new Relationships(ws);
            ArrayNode hits = Views.JSON.createArrayNode();
            List<String> shown = new ArrayList<>();
            for (SearchHit h : new Search(ws).run(query, limit)) {
                if (!redactor.canSee(h.record())) continue;
                hits.addObject().put("entity", h.entityId()).put("label", rel.label(h.entityId()))
                        .put("record", h.record().toString()).put("weight", h.weight()).put("probability", h.probability())
                        .put("match", h.match()).put("match_key", h.matchKey());
                shown.add("entity:" + h.entityId());
            }
            ObjectNode n = Views.JSON.createObjectNode();
            n.set("hits", hits);
            return Guard.Answer.of(n, hits.size(), shown);
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

    private void addSubject(Context ctx) {
        long caseId = Calls.pathId(ctx, "id");
        AccessContext declared = Calls.access(ctx);
        AccessContext access = new AccessContext(declared.user(), caseId, declared.purpose(), declared.clientAddress());
        JsonNode body = calls.body(ctx);
        String ref = Calls.text(body, "entity", true, 200);
        String reason = Calls.text(body, "reason", true, 1000);
        long entity = new Relationships(ws).entity(ref);
        List<RecordKey> records = new Relationships(ws).records(entity);
        guard.run(access, Operation.CASE_SUBJECT_ADD, List.of(), List.of("case:" + caseId, "entity:" + entity), reason, () -> {
            ws.store().cases().addSubjects(caseId, records, access.actor(), reason, Instant.now());
            return Guard.Answer.of(null);
        });
        ctx.status(201).json(Views.JSON.createObjectNode().put("case", caseId).put("entity", entity));
    }

    private void subjects(Context ctx) {
        long caseId = Calls.pathId(ctx, "id");
        AccessContext declared = Calls.access(ctx);
        AccessContext access = new AccessContext(declared.user(), caseId, declared.purpose(), declared.clientAddress());
        ObjectNode out = guard.run(access, Operation.CASE_SUBJECTS, List.of(), List.of("case:" + caseId), null, () -> {
            Relationships rel = new Relationships(ws);
            ArrayNode items = Views.JSON.createArrayNode();
            List<String> shown = new ArrayList<>();
            for (long e : ws.store().cases().subjectEntities(caseId)) {
                items.addObject().put("entity", e).put("label", rel.label(e));
                shown.add("entity:" + e);
            }
            ObjectNode n = Views.JSON.createObjectNode();
            n.set("subjects", items);
            return Guard.Answer.of(n, items.size(), shown);
        });
        ctx.json(out);
    }

    static RecordKey recordKey(String text) {
        try {
            return RecordKey.parse(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("'" + text + "' is not a record as SOURCE:ID");
        }
    }
}

package io.relata.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.relata.app.NotFoundException;
import io.relata.app.Workspace;
import io.relata.app.access.AccessContext;
import io.relata.app.access.Guard;
import io.relata.app.access.Operation;
import io.relata.app.access.Redactor;
import io.relata.app.privacy.AccessRequests;
import io.relata.app.privacy.Corrections;
import io.relata.app.privacy.DisclosureRecipients;
import io.relata.app.privacy.Requester;
import io.relata.app.privacy.ResponsePackage;
import io.relata.core.model.RecordKey;
import io.relata.store.AccessCandidate;
import io.relata.store.AccessRequest;
import io.relata.store.AccessRequestEvent;
import io.relata.store.AccessRequestStatus;
import io.relata.store.Correction;
import io.relata.store.CorrectionStatus;
import io.relata.store.ReleaseDecision;
import io.relata.store.StoredRecord;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.relata.server.ApiRoute.Param.optional;

/**
 * Privacy operations for the privacy officer: individuals' access requests (register, the records found with their
 * explanations, record-by-record decisions, status, the response package as PDF) and correction requests (register,
 * decide, with whoever was sent the record's data listed for notification). No case: the request is what the data
 * is for.
 */
final class PrivacyApi {
    static final int MAX_DETAILS = 20;
    private final Workspace ws;
    private final Guard guard;
    private final Calls calls;
    private final Clock clock;
    private final DisclosureRecipients recipients;

    PrivacyApi(Workspace ws, Guard guard, Calls calls, Clock clock, DisclosureRecipients recipients) {
        this.ws = ws;
        this.guard = guard;
        this.calls = calls;
        this.clock = clock;
        this.recipients = recipients;
    }

    List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/api/access-requests", "Access requests, the soonest due first; overdue ones flagged",
                        Operation.ACCESS_REQUEST_LIST, CaseApi.withPaging(List.of(optional("status",
                                "OPEN, IN_REVIEW, RESPONDED or CLOSED")), 100, 500), this::list),
                ApiRoute.post("/api/access-requests", "Register an individual's access request: every record that may "
                        + "be theirs is found and kept with it", Operation.ACCESS_REQUEST_CREATE, "{names: [full name, ...], "
                        + "dob, addresses: [...], phones: [...], emails: [...], identifiers: [TYPE:VALUE, ...], notes, "
                        + "received_on: YYYY-MM-DD, due_on: YYYY-MM-DD}", this::register),
                ApiRoute.get("/api/access-requests/{id}", "An access request: the requester's data, the records found "
                        + "(score, explanation, values as you may see them, decision) and its log",
                        Operation.ACCESS_REQUEST_READ, List.of(), this::read),
                ApiRoute.post("/api/access-requests/{id}/decisions", "Decide one record: release, withhold or release "
                        + "in part, with the exemption or reason", Operation.ACCESS_REQUEST_DECIDE,
                        "{record: SOURCE:ID, decision: RELEASE|WITHHOLD|PARTIAL, withheld_fields: [path, ...], reason}",
                        this::decide),
                ApiRoute.post("/api/access-requests/{id}/status", "Move the request on: IN_REVIEW, RESPONDED (every "
                        + "record decided), CLOSED", Operation.ACCESS_REQUEST_STATUS, "{status, note}", this::status),
                ApiRoute.get("/api/access-requests/{id}/package", "The response package (PDF): exactly the released "
                        + "records, what was withheld by count and exemption", Operation.ACCESS_REQUEST_PACKAGE,
                        List.of(), this::responsePackage),
                ApiRoute.get("/api/corrections", "Correction requests, newest first", Operation.CORRECTION_LIST,
                        CaseApi.withPaging(List.of(optional("status", "PENDING, ACCEPTED or REJECTED")), 100, 500), this::corrections),
                ApiRoute.post("/api/corrections", "Register a correction request for one field of one record",
                        Operation.CORRECTION_CREATE, "{record: SOURCE:ID, field: path such as dob or names[0].surname, "
                                + "value, reason, access_request: id}", this::registerCorrection),
                ApiRoute.get("/api/corrections/{id}", "A correction: the source's value, the value asked for, the "
                        + "decision, and who was sent the record's data earlier", Operation.CORRECTION_READ, List.of(),
                        this::correction),
                ApiRoute.post("/api/corrections/{id}/decision", "Accept or reject a correction with a note; an accepted "
                        + "one annotates the record, which is never changed", Operation.CORRECTION_DECIDE,
                        "{decision: ACCEPT|REJECT, note}", this::decideCorrection));
    }

    private AccessRequests requests() {
        return new AccessRequests(ws, clock, AccessRequests.dueDays(ws.store()));
    }

    private void list(Context ctx) {
        String statusText = Calls.optionalQuery(ctx, "status");
        AccessRequestStatus status = statusText == null ? null : CaseApi.parse(AccessRequestStatus.class, statusText);
        Calls.Page page = Calls.page(ctx, 100, 500);
        AccessContext access = Calls.access(ctx);
        ObjectNode out = guard.run(access, Operation.ACCESS_REQUEST_LIST, List.of(), List.of(), statusText, () -> {
            List<AccessRequest> all = requests().list(status);
            List<JsonNode> items = new ArrayList<>();
            List<String> shown = new ArrayList<>();
            LocalDate today = LocalDate.now(clock);
            for (AccessRequest r : page.of(all)) {
                items.add(summary(r, today));
                shown.add("access-request:" + r.id());
            }
            return Guard.Answer.of(Views.page(items, page, page.more(all)), items.size(), shown);
        });
        ctx.json(out);
    }

    private static ObjectNode summary(AccessRequest r, LocalDate today) {
        return Views.JSON.createObjectNode().put("id", r.id())
                .put("requester", Requester.fromJson(r.requester()).displayName()).put("received_on", r.receivedOn().toString())
                .put("due_on", r.dueOn().toString()).put("status", r.status().name()).put("overdue", r.overdue(today))
                .put("registered_by", r.registeredBy()).put("registered_at", r.registeredAt().toString());
    }

    private void register(Context ctx) {
        JsonNode body = calls.body(ctx);
        Requester requester;
        try {
            requester = new Requester(texts(body, "names"), Calls.text(body, "dob", false, 100), texts(body, "addresses"),
                    texts(body, "phones"), texts(body, "emails"), texts(body, "identifiers"));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
        String notes = Calls.text(body, "notes", false, 4000);
        LocalDate received = date(body, "received_on");
        LocalDate due = date(body, "due_on");
        if (received != null && received.isAfter(LocalDate.now(clock))) {
            throw ProblemException.badRequest("'received_on' cannot be in the future");
        }
        AccessContext access = Calls.access(ctx);
        ObjectNode out = guard.run(access, Operation.ACCESS_REQUEST_CREATE, List.of(), List.of(),
                "access request for " + requester.displayName(), () -> {
                    AccessRequest r = requests().register(requester, notes, received, due, access.actor());
                    return Guard.Answer.of(summary(r, LocalDate.now(clock))
                            .put("found", ws.store().accessRequests().candidates(r.id()).size()));
                });
        ctx.status(201).json(out);
    }

    private void read(Context ctx) {
        long id = Calls.pathId(ctx, "id");
        AccessContext access = Calls.access(ctx);
        ObjectNode out = guard.run(access, Operation.ACCESS_REQUEST_READ, List.of(), List.of("access-request:" + id), null, () -> {
            AccessRequests requests = requests();
            AccessRequests.View v = requests.view(id);
            Redactor redactor = new Redactor(access.user(), ws.store().sources());
            ObjectNode n = summary(v.request(), LocalDate.now(clock)).put("notes", v.request().notes());
            ObjectNode requesterData = (ObjectNode) Views.parse(v.request().requester());
            // the requester's identifiers are shortened like any record's for an officer without the permission
            if (requesterData.path("identifiers").isArray()) {
                ArrayNode ids = requesterData.putArray("identifiers");
                for (String identifier : v.requester().identifiers()) {
                    int colon = identifier.indexOf(':');
                    ids.add(identifier.substring(0, colon + 1) + redactor.identifier(identifier.substring(colon + 1)));
                }
            }
            n.set("requester_data", requesterData);
            Map<RecordKey, StoredRecord> records = requests.records(v.candidates());
            ArrayNode list = n.putArray("candidates");
            List<String> shown = new ArrayList<>();
            int hidden = 0;
            for (AccessCandidate c : v.candidates()) {
                // a record of a source the officer is not cleared for is decided by one who is: only counted here
                if (!redactor.canSee(c.record())) {
                    hidden++;
                    continue;
                }
                ObjectNode x = candidate(c);
                StoredRecord r = records.get(c.record());
                x.put("entity", r == null ? 0 : r.entityId());
                if (r != null) x.set("content", Views.parse(redactor.content(r.content())));
                else x.putNull("content");
                list.add(x);
                shown.add("record:" + c.record());
            }
            n.put("not_visible", hidden);
            ArrayNode log = n.putArray("log");
            for (AccessRequestEvent e : v.log()) {
                log.addObject().put("at", e.at().toString()).put("actor", e.actor()).put("kind", e.kind()).put("detail", e.detail());
            }
            ObjectNode decided = n.putObject("decided");
            v.decided().forEach((d, count) -> decided.put(d.name(), count));
            return Guard.Answer.of(n, shown.size(), shown);
        });
        ctx.json(out);
    }

    private static ObjectNode candidate(AccessCandidate c) {
        ObjectNode x = Views.JSON.createObjectNode().put("record", c.record().toString()).put("rank", c.rank())
                .put("found_in_entity", c.entityId()).put("score", c.score()).put("probability", c.probability())
                .put("outcome", c.outcome()).put("match_key", c.matchKey())
                .put("explanation_text", AccessRequests.explanationText(c.explanation()));
        x.set("explanation", Views.parse(c.explanation()).path("features"));
        x.put("decision", c.decision() == null ? null : c.decision().name());
        ArrayNode withheld = x.putArray("withheld_fields");
        c.withheldFields().forEach(withheld::add);
        x.put("reason", c.reason()).put("decided_by", c.decidedBy())
                .put("decided_at", c.decidedAt() == null ? null : c.decidedAt().toString());
        return x;
    }

    private void decide(Context ctx) {
        long id = Calls.pathId(ctx, "id");
        JsonNode body = calls.body(ctx);
        RecordKey record = DataApi.recordKey(Calls.text(body, "record", true, 300));
        ReleaseDecision decision = CaseApi.parse(ReleaseDecision.class, Calls.text(body, "decision", true, 20));
        List<String> withheld = texts(body, "withheld_fields");
        String reason = Calls.text(body, "reason", false, 2000);
        if (decision != ReleaseDecision.RELEASE && reason == null) {
            throw ProblemException.badRequest("a " + decision + " decision needs the exemption or reason in 'reason'");
        }
        if (decision == ReleaseDecision.PARTIAL && withheld.isEmpty()) {
            throw ProblemException.badRequest("a PARTIAL release names the fields it withholds in 'withheld_fields'");
        }
        if (decision != ReleaseDecision.PARTIAL && !withheld.isEmpty()) {
            throw ProblemException.badRequest("only a PARTIAL release withholds fields");
        }
        AccessContext access = Calls.access(ctx);
        AccessCandidate c = guard.run(access, Operation.ACCESS_REQUEST_DECIDE, List.of(),
                List.of("access-request:" + id, "record:" + record), decision + (reason == null ? "" : ": " + reason), () -> {
                    if (!new Redactor(access.user(), ws.store().sources()).canSee(record)) throw new NotFoundException("no record " + record);
                    return Guard.Answer.of(requests().decide(id, record, decision, withheld, reason, access.actor()));
                });
        ctx.json(candidate(c));
    }

    private void status(Context ctx) {
        long id = Calls.pathId(ctx, "id");
        JsonNode body = calls.body(ctx);
        AccessRequestStatus status = CaseApi.parse(AccessRequestStatus.class, Calls.text(body, "status", true, 20));
        String note = Calls.text(body, "note", false, 2000);
        AccessContext access = Calls.access(ctx);
        AccessRequest r = guard.run(access, Operation.ACCESS_REQUEST_STATUS, List.of(), List.of("access-request:" + id),
                status + (note == null ? "" : ": " + note),
                () -> Guard.Answer.of(requests().changeStatus(id, status, note, access.actor())));
        ctx.json(summary(r, LocalDate.now(clock)));
    }

    private void responsePackage(Context ctx) {
        long id = Calls.pathId(ctx, "id");
        AccessContext access = Calls.access(ctx);
        ResponsePackage p = guard.run(access, Operation.ACCESS_REQUEST_PACKAGE, List.of(), List.of("access-request:" + id),
                null, () -> {
                    ResponsePackage pkg = requests().responsePackage(id);
                    return Guard.Answer.of(pkg, pkg.released().size(), pkg.released().stream().map(k -> "record:" + k).toList());
                });
        ctx.header("Content-Disposition", "attachment; filename=\"relata-access-request-" + id + ".pdf\"")
                .contentType("application/pdf").result(p.pdf());
    }

    private void corrections(Context ctx) {
        String statusText = Calls.optionalQuery(ctx, "status");
        CorrectionStatus status = statusText == null ? null : CaseApi.parse(CorrectionStatus.class, statusText);
        Calls.Page page = Calls.page(ctx, 100, 500);
        AccessContext access = Calls.access(ctx);
        ObjectNode out = guard.run(access, Operation.CORRECTION_LIST, List.of(), List.of(), statusText, () -> {
            Redactor redactor = new Redactor(access.user(), ws.store().sources());
            List<Correction> visible = corrections().list(status).stream().filter(c -> redactor.canSee(c.record())).toList();
            List<JsonNode> items = new ArrayList<>();
            List<String> shown = new ArrayList<>();
            for (Correction c : page.of(visible)) {
                items.add(correction(c, redactor));
                shown.add("correction:" + c.id());
                shown.add("record:" + c.record());
            }
            return Guard.Answer.of(Views.page(items, page, page.more(visible)), items.size(), shown);
        });
        ctx.json(out);
    }

    private Corrections corrections() {
        return new Corrections(ws.store(), recipients, clock);
    }

    private static ObjectNode correction(Correction c, Redactor redactor) {
        ObjectNode x = Views.JSON.createObjectNode().put("id", c.id()).put("record", c.record().toString())
                .put("field", c.field()).put("value", redactor.correctedValue(c.field(), c.requestedValue()))
                .put("reason", c.reason()).put("status", c.status().name()).put("requested_by", c.requestedBy())
                .put("requested_at", c.requestedAt().toString()).put("decided_by", c.decidedBy())
                .put("decided_at", c.decidedAt() == null ? null : c.decidedAt().toString()).put("note", c.decisionNote());
        if (c.accessRequestId() != 0) x.put("access_request", c.accessRequestId());
        else x.putNull("access_request");
        return x;
    }

    private void registerCorrection(Context ctx) {
        JsonNode body = calls.body(ctx);
        RecordKey record = DataApi.recordKey(Calls.text(body, "record", true, 300));
        String field = Calls.text(body, "field", true, 200);
        String value = Calls.text(body, "value", true, 2000);
        String reason = Calls.text(body, "reason", true, 2000);
        JsonNode request = body.get("access_request");
        long requestId = 0;
        if (request != null && !request.isNull()) {
            if (!request.isIntegralNumber() || !request.canConvertToLong() || request.asLong() < 1) {
                throw ProblemException.badRequest("'access_request' must be an access request's id");
            }
            requestId = request.asLong();
        }
        long tiedTo = requestId;
        List<String> objects = new ArrayList<>(List.of("record:" + record));
        if (tiedTo != 0) objects.add("access-request:" + tiedTo);
        AccessContext access = Calls.access(ctx);
        Correction c = guard.run(access, Operation.CORRECTION_CREATE, List.of(), objects, field + ": " + reason, () -> {
            Redactor redactor = new Redactor(access.user(), ws.store().sources());
            if (!redactor.canSee(record)) throw new NotFoundException("no record " + record);
            return Guard.Answer.of(corrections().register(tiedTo, record, field, value, reason, access.actor()));
        });
        ctx.status(201).json(correction(c, new Redactor(access.user(), ws.store().sources())));
    }

    private void correction(Context ctx) {
        long id = Calls.pathId(ctx, "id");
        AccessContext access = Calls.access(ctx);
        ObjectNode out = guard.run(access, Operation.CORRECTION_READ, List.of(), List.of("correction:" + id), null, () -> {
            Corrections.View v = corrections().view(id);
            Redactor redactor = new Redactor(access.user(), ws.store().sources());
            if (!redactor.canSee(v.correction().record())) throw new NotFoundException("no correction " + id);
            ObjectNode n = correction(v.correction(), redactor)
                    .put("source_value", redactor.correctedValue(v.correction().field(), v.sourceValue()));
            ArrayNode to = n.putArray("recipients");
            for (DisclosureRecipients.Recipient r : v.recipients()) {
                to.addObject().put("recipient", r.recipient()).put("disclosure", r.disclosure())
                        .put("disclosed_at", r.disclosedAt() == null ? null : r.disclosedAt().toString());
            }
            return Guard.Answer.of(n, 1, List.of("record:" + v.correction().record()));
        });
        ctx.json(out);
    }

    private void decideCorrection(Context ctx) {
        long id = Calls.pathId(ctx, "id");
        JsonNode body = calls.body(ctx);
        String decision = Calls.text(body, "decision", true, 20);
        boolean accept = switch (decision.toUpperCase(java.util.Locale.ROOT)) {
            case "ACCEPT" -> true;
            case "REJECT" -> false;
            default -> throw ProblemException.badRequest("'decision' is ACCEPT or REJECT, not '" + decision + "'");
        };
        String note = Calls.text(body, "note", true, 2000);
        AccessContext access = Calls.access(ctx);
        Correction c = guard.run(access, Operation.CORRECTION_DECIDE, List.of(), List.of("correction:" + id),
                (accept ? "ACCEPT: " : "REJECT: ") + note, () -> {
                    Correction existing = ws.store().corrections().get(id).orElseThrow(() -> new NotFoundException("no correction " + id));
                    if (!new Redactor(access.user(), ws.store().sources()).canSee(existing.record())) {
                        throw new NotFoundException("no correction " + id);
                    }
                    return Guard.Answer.of(corrections().decide(id, accept, note, access.actor()));
                });
        ctx.json(correction(c, new Redactor(access.user(), ws.store().sources())));
    }

    /** A list of short texts from the body (absent: empty). */
    private static List<String> texts(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) return List.of();
        if (!v.isArray() || v.size() > MAX_DETAILS) {
            throw ProblemException.badRequest("'" + field + "' must be an array of at most " + MAX_DETAILS + " strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode x : v) {
            if (!x.isTextual()) throw ProblemException.badRequest("'" + field + "' must hold strings, not " + x);
            Calls.checkCharacters("'" + field + "'", x.asText());
            if (x.asText().length() > 500) throw ProblemException.badRequest("an entry of '" + field + "' is longer than 500 characters");
            out.add(x.asText());
        }
        return out;
    }

    private static LocalDate date(JsonNode body, String field) {
        String text = Calls.text(body, field, false, 20);
        if (text == null || text.isEmpty()) return null;
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("'" + field + "' must be a date as YYYY-MM-DD, not '" + text + "'");
        }
    }
}

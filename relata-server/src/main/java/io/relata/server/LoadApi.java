package io.relata.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.relata.app.IngestSummary;
import io.relata.app.access.AccessContext;
import io.relata.app.access.Guard;
import io.relata.app.access.Operation;
import io.relata.core.ingest.Reject;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static io.relata.server.ApiRoute.Param.required;

/**
 * Loading source extracts over the API: upload one (canonical JSON Lines; CSV needs a column mapping and is not
 * taken here yet), then follow its load. The server keeps the upload under a name of its own; the client's file
 * name is only recorded, and one that looks like a path is refused.
 */
final class LoadApi {
    static final String NDJSON = "application/x-ndjson";
    private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final int MAX_FILENAME = 255;

    private final Loads loads;
    private final Guard guard;
    private final RequestLock lock;

    LoadApi(Loads loads, Guard guard, RequestLock lock) {
        this.loads = loads;
        this.guard = guard;
        this.lock = lock;
    }

    List<ApiRoute> routes() {
        return List.of(
                ApiRoute.post("/api/loads", "Upload a source extract (canonical JSON Lines, at most the server's "
                                + "maxUploadBytes) and load it in the background; answers 202 with the load's id",
                                Operation.LOAD_START, "the extract, one record per line", this::start)
                        .withQuery(List.of(required("source", "the source system the extract comes from; records of "
                                        + "another source are rejected"),
                                required("filename", "the extract's file name, recorded for its rejects (never a path)")))
                        .withBodyType(NDJSON).locksItself(),
                ApiRoute.get("/api/loads", "Loads since the server started, newest first", Operation.LOAD_STATUS,
                        Calls.pageParams(50, 500), this::list),
                ApiRoute.get("/api/loads/{id}", "A load: QUEUED, RUNNING, DONE or FAILED, its counts, first rejects "
                        + "and summary", Operation.LOAD_STATUS, List.of(), this::status));
    }

    /**
     * Checks the request, then (holding the request lock) asks the guard, which audits the start before anything is
     * stored; then receives the body without holding the lock, so a long upload does not hold up other requests.
     */
    private void start(Context ctx) throws IOException {
        String source = Calls.requiredQuery(ctx, "source");
        if (!SOURCE.matcher(source).matches()) {
            throw ProblemException.badRequest("a source code is 1-64 letters, digits, '_', '.' or '-'");
        }
        String filename = filename(ctx.queryParam("filename"));
        String type = Calls.mediaType(ctx);
        if (type.equals("text/csv")) {
            throw new ProblemException(415, "Unsupported media type", "a CSV extract needs a column mapping, which "
                    + "uploads do not take yet: convert it to canonical JSON Lines (" + NDJSON + ")");
        }
        if (!type.equals(NDJSON)) {
            throw new ProblemException(415, "Unsupported media type", "send the extract as " + NDJSON + " (canonical JSON Lines)");
        }
        long declared = ctx.contentLength();
        if (declared > loads.maxBytes()) {
            throw new ProblemException(413, "Content too large", "an extract may hold at most " + loads.maxBytes()
                    + " bytes; split it into several loads");
        }
        if (declared == 0) throw ProblemException.badRequest("the extract is empty: nothing to load");
        AccessContext access = Calls.access(ctx);
        UUID id = UUID.randomUUID();
        Loads.Load load = lock.call(() -> guard.run(access, Operation.LOAD_START, List.of(),
                List.of("load:" + id, "source:" + source), "'" + filename + "'",
                () -> Guard.Answer.of(loads.reserve(id, source, filename, access.actor()))));
        loads.receive(load, ctx.bodyInputStream());
        ctx.status(202).header("Location", "/api/loads/" + load.id).json(json(load));
    }

    /** The client's file name, for the record only; anything that looks like a path or holds a control character is refused. */
    static String filename(String name) {
        if (name == null || name.isBlank()) throw ProblemException.badRequest("the query parameter 'filename' is required");
        if (name.length() > MAX_FILENAME) throw ProblemException.badRequest("the file name is longer than " + MAX_FILENAME + " characters");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7F) throw ProblemException.badRequest("the file name holds a control character");
        }
        if (name.contains("/") || name.contains("\\") || name.contains(":") || name.equals(".") || name.equals("..")
                || !name.equals(name.strip())) {
            throw ProblemException.badRequest("the file name must be a plain name such as extract.jsonl, not a path");
        }
        Calls.checkCharacters("the file name", name);
        return name;
    }

    private void list(Context ctx) {
        Calls.Page page = Calls.page(ctx, 50, 500);
        AccessContext access = Calls.access(ctx);
        ObjectNode out = guard.run(access, Operation.LOAD_STATUS, List.of(), List.of(), null, () -> {
            List<Loads.Load> all = loads.list();
            List<JsonNode> items = new ArrayList<>();
            for (Loads.Load l : page.of(all)) items.add(json(l));
            return Guard.Answer.of(Views.page(items, page, page.more(all)), items.size(),
                    page.of(all).stream().map(l -> "load:" + l.id).toList());
        });
        ctx.json(out);
    }

    private void status(Context ctx) {
        String text = ctx.pathParam("id");
        UUID id;
        try {
            id = UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("a load id is a UUID such as 123e4567-e89b-12d3-a456-426614174000, not '" + text + "'");
        }
        AccessContext access = Calls.access(ctx);
        ObjectNode out = guard.run(access, Operation.LOAD_STATUS, List.of(), List.of("load:" + id), null, () -> {
            Loads.Load l = loads.get(id).orElseThrow(() -> new io.relata.app.NotFoundException("no load " + id
                    + " (loads are remembered until the server restarts)"));
            return Guard.Answer.of(json(l), 1, List.of());
        });
        ctx.json(out);
    }

    static ObjectNode json(Loads.Load l) {
        ObjectNode n = Views.JSON.createObjectNode().put("id", l.id.toString()).put("source", l.source)
                .put("filename", l.filename).put("state", l.state().name()).put("submitted_by", l.submittedBy)
                .put("submitted_at", l.submittedAt.toString()).put("bytes", l.bytes()).put("read", l.read())
                .put("accepted", l.accepted()).put("rejected", l.rejected());
        if (l.startedAt() != null) n.put("started_at", l.startedAt().toString());
        if (l.endedAt() != null) n.put("ended_at", l.endedAt().toString());
        ArrayNode rejects = n.putArray("rejects");
        for (Reject r : l.rejects()) {
            rejects.addObject().put("file", r.file()).put("line", r.line()).put("field", r.field()).put("reason", r.reason());
        }
        n.put("rejects_shown", l.rejects().size());
        IngestSummary s = l.summary();
        if (s != null) {
            n.putObject("summary").put("read", s.read()).put("accepted", s.accepted()).put("rejected", s.rejected())
                    .put("added", s.added()).put("changed", s.changed()).put("unchanged", s.unchanged())
                    .put("entities_created", s.entitiesCreated()).put("entities_merged", s.entitiesMerged())
                    .put("entities_split", s.entitiesSplit()).put("review_items", s.reviewItems())
                    .put("alerts", s.alerts()).put("leads_found", s.leadsFound()).put("leads_retired", s.leadsRetired())
                    .put("seconds", s.seconds());
        }
        if (l.error() != null) n.put("error", l.error());
        return n;
    }
}

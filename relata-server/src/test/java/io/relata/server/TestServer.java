package io.relata.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relata.app.Ingest;
import io.relata.app.Workspace;
import io.relata.app.access.Accounts;
import io.relata.app.access.Permission;
import io.relata.app.access.Role;
import io.relata.app.audit.AuditKey;
import io.relata.app.audit.AuditTrail;
import io.relata.core.ingest.Reject;
import io.relata.core.model.RecordKey;
import io.relata.store.CaseFile;
import io.relata.store.CaseRole;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A real server on a free port over a real embedded store, with a small population, one user per role (each with
 * an API token), a case with the analyst and supervisor as members, and one subject in it.
 */
final class TestServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "correct horse battery";

    final Workspace ws;
    final AuditTrail audit;
    final RelataServer server;
    final HttpClient http = HttpClient.newHttpClient();
    final Map<Role, String> tokens = new EnumMap<>(Role.class);
    final String base;
    final long caseId;
    /** The access label of source H, which no test user is cleared for. */
    static final String HIDDEN_LABEL = "SECRET";
    /**
     * An entity in the case (Anna: S:A, and H:A from a source no user is cleared for, which calls her Anya and gives
     * an e-mail, an unknown nationality and an application; S:A tells of an entry, an exit and an encounter with a
     * date that does not read as one), and one that is not (Boris, who shares her phone).
     */
    final long subject, stranger;

    /** Who may export: the supervisor; the analyst has no permission at all. */
    final Map<Role, Set<Permission>> permissions = new EnumMap<>(Role.class);
    final Path uploads;
    /** A lead and an alert of the case, for routes that dispose of one (none by default). */
    long leadId = 999_999, alertId = 999_999;
    /**
     * A report of the case with a version awaiting review and an approved one, and a dissemination of it, for the
     * report routes (none by default).
     */
    long reportId = 999_999, disseminationId = 999_999;
    int pendingVersion = 1, approvedVersion = 2;
    /** An access request for Anna (every record found decided, in review) and a correction of S:A's birth date. */
    final long accessRequestId, correctionId;

    TestServer(Path dir) throws IOException {
        this(dir, ServerConfig.defaults());
    }

    TestServer(Path dir, ServerConfig config) throws IOException {
        ws = Workspace.open(dir.resolve("store").toString());
        ws.store().putSource(new io.relata.store.SourceInfo("H", "Hidden", null, null, null, null, HIDDEN_LABEL));
        Path data = Files.write(dir.resolve("pop.jsonl"), List.of(
                person("A", "Anna", "Kowalski", "1980-01-01", "\"phones\":[\"(217) 344-0101\"],"
                        + "\"identifiers\":[{\"type\":\"PASSPORT\",\"value\":\"X1234567\",\"country\":\"PL\"}],"
                        + "\"events\":[{\"type\":\"EXIT\",\"date\":\"2023-06-01\",\"place\":\"GDN\",\"ref\":\"LO3\"},"
                        + "{\"type\":\"ENCOUNTER\",\"date\":\"some time in spring\",\"place\":\"Chicago\",\"ref\":\"CPD-7\"},"
                        + "{\"type\":\"ENTRY\",\"date\":\"2021-02-03\",\"place\":\"ORD\",\"ref\":\"UA100\"}]"),
                person("A", "Anya", "Kowalski", "1980-01-01", "\"emails\":[\"anya.secret@example.org\"],"
                        + "\"nationalities\":[\"Atlantis\"],"
                        + "\"identifiers\":[{\"type\":\"PASSPORT\",\"value\":\"X1234567\",\"country\":\"PL\"}],"
                        + "\"events\":[{\"type\":\"APPLICATION\",\"date\":\"2022-01-01\",\"ref\":\"HIDDEN-APP-1\"}]")
                        .replace("\"source\":\"S\"", "\"source\":\"H\""),
                person("B", "Boris", "Ivanov", "1975-02-02", "\"phones\":[\"217-344-0101\"]"),
                person("C", "Carla", "Mendes", "1990-03-03", "\"phones\":[\"312-649-0199\"]")), StandardCharsets.UTF_8);
        new Ingest(ws, 100).run(List.of(data), null, new Ingest.Listener() {
            @Override
            public void progress(long read, long accepted, long rejected) {
            }

            @Override
            public void rejected(Reject reject) {
                throw new AssertionError(reject.toString());
            }
        });
        audit = new AuditTrail(ws.store(), AuditKey.loadOrCreate(dir.resolve("audit.key")));
        Accounts accounts = new Accounts(ws.store(), audit::append);
        for (Role role : Role.values()) {
            String name = role.name().toLowerCase().replace('_', '.');
            accounts.createUser(name, role.name(), Set.of(role), PASSWORD.toCharArray(), role == Role.PARTNER ? "Agency" : null, "setup");
            if (role != Role.PARTNER) accounts.recordTraining(name, LocalDate.now(), "setup");
            tokens.put(role, accounts.createApiToken(accounts.user(name).orElseThrow(), "test", null, "setup").secret());
        }
        for (Role role : Role.values()) permissions.put(role, Set.of());
        accounts.setPermissions("analyst", Set.of(), "setup");
        accounts.setPermissions("supervisor", Set.of(Permission.EXPORT), "setup");
        permissions.put(Role.SUPERVISOR, Set.of(Permission.EXPORT));
        CaseFile c = ws.store().cases().create("Harbor", "test case", "analyst", Instant.now());
        caseId = c.id();
        ws.store().cases().addMember(caseId, "supervisor", CaseRole.MEMBER);
        subject = ws.graph().entityOf(new RecordKey("S", "A"));
        stranger = ws.graph().entityOf(new RecordKey("S", "B"));
        ws.store().cases().addSubjects(caseId, List.of(new RecordKey("S", "A")), "analyst", "the case's subject", Instant.now());
        // an access request for Anna, every record found for it decided, and a correction of her record
        var requests = new io.relata.app.privacy.AccessRequests(ws, Clock.systemUTC());
        accessRequestId = requests.register(io.relata.app.privacy.Requester.named("Anna Kowalski", "1980-01-01"), null,
                null, null, "privacy.officer").id();
        for (var found : requests.view(accessRequestId).candidates()) {
            boolean hers = found.record().equals(new RecordKey("S", "A"));
            requests.decide(accessRequestId, found.record(), hers ? io.relata.store.ReleaseDecision.RELEASE
                    : io.relata.store.ReleaseDecision.WITHHOLD, List.of(), hers ? null : "setup", "privacy.officer");
        }
        correctionId = new io.relata.app.privacy.Corrections(ws.store(), new io.relata.app.privacy.DisseminationRecipients(new io.relata.app.report.Reports(ws)),
                Clock.systemUTC()).register(accessRequestId, new RecordKey("S", "A"), "dob", "1980-01-02", "setup",
                "privacy.officer").id();
        uploads = dir.resolve("uploads");
        server = new RelataServer(config.withPort(0).withUploadDir(uploads), ws, audit, Clock.systemUTC());
        base = "http://127.0.0.1:" + server.start();
    }

    static String person(String id, String given, String surname, String dob, String extra) {
        return "{\"source\":\"S\",\"id\":\"" + id + "\",\"names\":[{\"given\":\"" + given + "\",\"surname\":\"" + surname
                + "\"}],\"dob\":\"" + dob + "\"" + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    /** A request as {@code role} (null: anonymous) for the test case, with a purpose. */
    HttpRequest.Builder as(Role role, String pathAndQuery) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .header("X-Relata-Case", Long.toString(caseId)).header("X-Relata-Purpose", "investigation 42");
        if (role != null) b.header("Authorization", "Bearer " + tokens.get(role));
        return b;
    }

    Response send(HttpRequest request) {
        try {
            HttpResponse<String> r;
            try {
                r = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                // Jetty closes a connection after refusing a malformed request; the client may already have taken
                // it from its pool for the next one, which then fails before reaching the server: send it again
                r = http.send(request, HttpResponse.BodyHandlers.ofString());
            }
            return new Response(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Sends {@code target} (path and query) as it is, byte for byte, over a plain socket: what an HTTP client library
     * would refuse to send (a malformed escape, a raw control character). Answers the status and content type only.
     */
    Response raw(Role role, String target) {
        URI uri = URI.create(base);
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            String request = "GET " + target + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                    + (role == null ? "" : "Authorization: Bearer " + tokens.get(role) + "\r\n")
                    + "X-Relata-Case: " + caseId + "\r\nX-Relata-Purpose: investigation 42\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(9, 12));
            String type = "";
            for (String line : answer.split("\r\n")) {
                if (line.isEmpty()) break;
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:")) type = line.substring(13).strip();
            }
            int bodyAt = answer.indexOf("\r\n\r\n");
            return new Response(status, bodyAt < 0 ? "" : answer.substring(bodyAt + 4), type);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    Response get(Role role, String path) {
        return send(as(role, path).GET().build());
    }

    Response post(Role role, String path, String json) {
        return send(as(role, path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Whether the user of {@code role} (null: nobody) may call the route, as the operation's roles and permission say. */
    boolean mayCall(ApiRoute r, Role role) {
        if (!r.signedIn()) return true;
        if (role == null) return false;
        if (r.operation() == null) return true;
        return r.operation().roles().contains(role)
                && (r.operation().permission() == null || permissions.get(role).contains(r.operation().permission()));
    }

    /** Uploads an extract as the administrator. */
    Response upload(String source, String filename, String body) {
        return send(as(Role.ADMIN, "/api/loads?source=" + source + "&filename=" + java.net.URLEncoder.encode(filename,
                StandardCharsets.UTF_8)).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Waits for a load to end (DONE or FAILED) and answers its status. */
    JsonNode awaitLoad(String id) {
        long until = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < until) {
            Response r = get(Role.ADMIN, "/api/loads/" + id);
            if (r.status() != 200) throw new AssertionError(r.toString());
            JsonNode n = r.json();
            String state = n.path("state").asText();
            if (state.equals("DONE") || state.equals("FAILED")) return n;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("load " + id + " did not end within a minute");
    }

    /** The audit trail's last seq. */
    long auditHead() {
        return server.locked(() -> ws.store().audit().last().map(io.relata.store.AuditEntry::seq).orElse(0L));
    }

    /** The entries appended after {@code seq}. */
    List<io.relata.store.AuditEntry> auditAfter(long seq) {
        return server.locked(() -> ws.store().audit().entriesAfter(seq, 1000));
    }

    record Response(int status, String body, String contentType) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }

    List<String> actions(String object) {
        List<String> out = new ArrayList<>();
        server.locked(() -> audit.whoLookedAt(object, Instant.EPOCH, Instant.now().plusSeconds(5), 1000, 0))
                .forEach(e -> out.add(e.actor() + " " + e.action() + " " + e.outcome() + " " + e.resultCount()));
        return out;
    }

    @Override
    public void close() {
        server.close();
        ws.close();
    }
}

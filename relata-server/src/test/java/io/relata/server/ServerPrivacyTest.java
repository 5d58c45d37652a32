package io.relata.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.app.access.Accounts;
import io.relata.app.access.Role;
import io.relata.store.AuditEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A privacy officer's work through the real server, without a case: an access request from registration to the
 * response package, need-to-know through the request's records, and a correction shown on the profile.
 */
class ServerPrivacyTest {
    static final String PURPOSE = "individual's access request";
    @TempDir
    static Path dir;
    static TestServer t;

    @BeforeAll
    static void start() throws Exception {
        t = new TestServer(dir);
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    @Test
    void aCorrectionListsTheRecipientsOfEarlierReportsThatHeldTheRecord() {
        String version = "/api/cases/" + t.caseId + "/reports/";
        TestServer.Response created = t.post(Role.ANALYST, "/api/cases/" + t.caseId + "/reports", "{\"title\":\"Anna\","
                + "\"markings\":\"UNCLASSIFIED\",\"narrative\":\"n\",\"entities\":[\"S:A\"],\"chart\":{\"kind\":\"NETWORK\","
                + "\"from\":\"S:A\",\"hops\":1}}");
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        long report = created.json().path("report").asLong();
        assertThat(t.post(Role.SUPERVISOR, version + report + "/versions/1/review", "{\"decision\":\"APPROVE\"}").status()).isEqualTo(200);
        TestServer.Response sent = t.post(Role.ANALYST, version + report + "/versions/1/disseminations",
                "{\"organization\":\"Agency\",\"purpose\":\"joint work\",\"agreement\":\"MOU 9\"}");
        assertThat(sent.status()).as("%s", sent).isEqualTo(201);
        JsonNode view = get("/api/corrections/" + t.correctionId).json();
        assertThat(view.path("record").asText()).isEqualTo("S:A");
        assertThat(view.path("recipients")).anySatisfy(r -> {
            assertThat(r.path("recipient").asText()).isEqualTo("Agency");
            assertThat(r.path("disclosure").asText()).contains("report 'Anna' version 1", "dissemination " + sent.json().path("id").asLong());
            assertThat(r.path("disclosed_at").asText()).isNotEmpty();
        });
    }

    /** A request as the privacy officer, with a purpose and no case. */
    static HttpRequest.Builder officer(String path) {
        return HttpRequest.newBuilder(URI.create(t.base + path)).header("Authorization", "Bearer " + t.tokens.get(Role.PRIVACY_OFFICER))
                .header("X-Relata-Purpose", PURPOSE);
    }

    static TestServer.Response get(String path) {
        return t.send(officer(path).GET().build());
    }

    static TestServer.Response post(String path, String json) {
        return t.send(officer(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    static void clearOfficerFor(Set<String> labels) {
        t.server.locked(() -> {
            new Accounts(t.ws.store(), t.audit::append).setClearances("privacy.officer", labels, "setup");
            return null;
        });
    }

    @Test
    void anAccessRequestFromRegistrationToTheResponsePackage() throws Exception {
        TestServer.Response bad = post("/api/access-requests", "{\"names\":[],\"dob\":\"1980-01-01\"}");
        assertThat(bad.status()).as("%s", bad).isEqualTo(400);
        assertThat(post("/api/access-requests", "{\"names\":[\"Anna Kowalski\"],\"received_on\":\"2026-13-01\"}").status()).isEqualTo(400);
        assertThat(t.send(HttpRequest.newBuilder(URI.create(t.base + "/api/access-requests")).header("Authorization",
                "Bearer " + t.tokens.get(Role.PRIVACY_OFFICER)).GET().build()).status()).as("no purpose").isEqualTo(400);

        TestServer.Response created = post("/api/access-requests", "{\"names\":[\"Anna Kowalski\"],\"dob\":\"1980-01-01\","
                + "\"phones\":[\"217 344 0101\"],\"identifiers\":[\"PASSPORT:X1234567\"],\"notes\":\"letter\",\"received_on\":\"2026-01-05\"}");
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(created.json().path("due_on").asText()).isEqualTo("2026-02-04");
        assertThat(created.json().path("overdue").asBoolean()).isTrue();
        assertThat(created.json().path("found").asInt()).isGreaterThanOrEqualTo(2);

        JsonNode list = get("/api/access-requests?status=OPEN").json();
        assertThat(list.path("items")).anySatisfy(r -> {
            assertThat(r.path("id").asLong()).isEqualTo(id);
            assertThat(r.path("requester").asText()).isEqualTo("Anna Kowalski");
            assertThat(r.path("overdue").asBoolean()).isTrue();
        });

        // the officer is not cleared for source H: its record is counted, never shown
        TestServer.Response read = get("/api/access-requests/" + id);
        assertThat(read.status()).as("%s", read).isEqualTo(200);
        JsonNode r = read.json();
        assertThat(r.path("not_visible").asInt()).isEqualTo(1);
        assertThat(read.body()).doesNotContain("Anya", "H:A", "secret@", "X1234567").contains("X1****67");
        assertThat(r.path("requester_data").path("identifiers").get(0).asText()).isEqualTo("PASSPORT:X1****67");
        JsonNode first = r.path("candidates").get(0);
        assertThat(first.path("record").asText()).isEqualTo("S:A");
        assertThat(first.path("match_key").asText()).contains("+NAME", "+DOB");
        assertThat(first.path("explanation")).anySatisfy(f -> assertThat(f.path("feature").asText()).isEqualTo("DOB"));
        assertThat(first.path("content").path("names").get(0).path("given").asText()).isEqualTo("Anna");
        assertThat(r.path("log").get(0).path("kind").asText()).isEqualTo("REGISTERED");
        AuditEntry readEntry = t.auditAfter(t.auditHead() - 1).get(0);
        assertThat(readEntry.action()).isEqualTo("access.request.read");
        assertThat(readEntry.caseId()).isNull();
        assertThat(readEntry.purpose()).isEqualTo(PURPOSE);
        assertThat(readEntry.objects()).contains("access-request:" + id, "record:S:A");

        assertThat(post("/api/access-requests/" + id + "/decisions", "{\"record\":\"S:A\",\"decision\":\"PARTIAL\"}").status()).isEqualTo(400);
        assertThat(post("/api/access-requests/" + id + "/decisions", "{\"record\":\"S:A\",\"decision\":\"WITHHOLD\"}").status()).isEqualTo(400);
        assertThat(post("/api/access-requests/" + id + "/decisions", "{\"record\":\"H:A\",\"decision\":\"RELEASE\"}").status())
                .as("a record the officer may not see").isEqualTo(404);
        assertThat(post("/api/access-requests/" + id + "/decisions", "{\"record\":\"S:C\",\"decision\":\"RELEASE\"}").status())
                .as("a record not found for the request").isEqualTo(404);
        TestServer.Response partial = post("/api/access-requests/" + id + "/decisions", "{\"record\":\"S:A\",\"decision\":\"PARTIAL\","
                + "\"withheld_fields\":[\"phones[0]\"],\"reason\":\"exemption (b)(6)\"}");
        assertThat(partial.status()).as("%s", partial).isEqualTo(200);
        assertThat(partial.json().path("decided_by").asText()).isEqualTo("privacy.officer");
        assertThat(get("/api/access-requests/" + id + "/package").status()).as("undecided records remain").isEqualTo(409);

        clearOfficerFor(Set.of(TestServer.HIDDEN_LABEL));
        try {
            for (JsonNode c : get("/api/access-requests/" + id).json().path("candidates")) {
                if (!c.path("decision").isNull()) continue;
                assertThat(post("/api/access-requests/" + id + "/decisions", "{\"record\":\"" + c.path("record").asText()
                        + "\",\"decision\":\"WITHHOLD\",\"reason\":\"exemption (b)(7)(A)\"}").status()).isEqualTo(200);
            }
        } finally {
            clearOfficerFor(Set.of());
        }
        HttpResponse<byte[]> pdf = t.http.send(officer("/api/access-requests/" + id + "/package").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        String text = text(pdf.body());
        assertThat(text).contains("Record S:A", "Kowalski", "[withheld under: exemption (b)(6)]",
                "record(s) withheld under: exemption (b)(7)(A)");
        assertThat(text).doesNotContain("344-0101", "Anya", "H:A", "anya.secret");
        AuditEntry pkg = t.auditAfter(t.auditHead() - 1).get(0);
        assertThat(pkg.action()).isEqualTo("access.request.package");
        assertThat(pkg.objects()).contains("record:S:A").doesNotContain("record:H:A");

        assertThat(post("/api/access-requests/" + id + "/status", "{\"status\":\"OPEN\"}").status()).isEqualTo(409);
        assertThat(post("/api/access-requests/" + id + "/status", "{\"status\":\"RESPONDED\",\"note\":\"posted\"}").status()).isEqualTo(200);
        assertThat(post("/api/access-requests/" + id + "/decisions", "{\"record\":\"S:A\",\"decision\":\"RELEASE\"}").status())
                .as("answered: decisions are final").isEqualTo(409);
        JsonNode log = get("/api/access-requests/" + id).json().path("log");
        assertThat(log).extracting(e -> e.path("kind").asText() + " " + e.path("actor").asText())
                .contains("STATUS privacy.officer", "DECISION privacy.officer");
    }

    /**
     * The PDF's text, page by page, by OpenPDF's own extractor (PDFBox, which the app's tests use, brings
     * commons-logging onto this module's test class path, and with it the server test client's pooled connections
     * misbehave after a request Jetty refuses).
     */
    static String text(byte[] pdf) throws IOException {
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
        try {
            com.lowagie.text.pdf.parser.PdfTextExtractor extractor = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) text.append(extractor.getTextFromPage(page)).append('\n');
            return text.toString();
        } finally {
            reader.close();
        }
    }

    @Test
    void withoutACaseTheOfficerReachesOnlyTheEntitiesOfRequestsStillWorkedOn() {
        long carla = t.server.locked(() -> t.ws.graph().entityOf(new io.relata.core.model.RecordKey("S", "C")));
        TestServer.Response other = get("/api/entities/" + carla);
        assertThat(other.status()).as("%s", other).isEqualTo(404);
        assertThat(other.body()).doesNotContain("Carla", "Mendes");
        assertThat(t.actions("entity:" + carla)).contains("privacy.officer entity.read DENIED 0");
        TestServer.Response created = post("/api/access-requests", "{\"names\":[\"Carla Mendes\"],\"dob\":\"1990-03-03\"}");
        long id = created.json().path("id").asLong();
        assertThat(get("/api/entities/" + carla).status()).isEqualTo(200);
        assertThat(post("/api/access-requests/" + id + "/status", "{\"status\":\"CLOSED\",\"note\":\"withdrawn\"}").status()).isEqualTo(200);
        assertThat(get("/api/entities/" + carla).status()).as("closed: need-to-know ends").isEqualTo(404);
        // an analyst still needs the case
        assertThat(t.send(HttpRequest.newBuilder(URI.create(t.base + "/api/entities/" + t.subject)).header("Authorization",
                "Bearer " + t.tokens.get(Role.ANALYST)).header("X-Relata-Purpose", PURPOSE).GET().build()).status()).isEqualTo(400);
    }

    @Test
    void anAcceptedCorrectionShowsOnTheProfileBesideTheSourcesValue() {
        String before = t.server.locked(() -> t.ws.store().record(new io.relata.core.model.RecordKey("S", "A")).orElseThrow().content());
        assertThat(post("/api/corrections", "{\"record\":\"S:A\",\"field\":\"shoe\",\"value\":\"9\",\"reason\":\"r\"}").status()).isEqualTo(400);
        assertThat(post("/api/corrections", "{\"record\":\"S:Z\",\"field\":\"dob\",\"value\":\"9\",\"reason\":\"r\"}").status()).isEqualTo(404);
        assertThat(post("/api/corrections", "{\"record\":\"H:A\",\"field\":\"dob\",\"value\":\"9\",\"reason\":\"r\"}").status())
                .as("a record the officer may not see").isEqualTo(404);
        TestServer.Response created = post("/api/corrections", "{\"record\":\"S:A\",\"field\":\"names[0].surname\","
                + "\"value\":\"Kowalska\",\"reason\":\"her name as written in her passport\",\"access_request\":" + t.accessRequestId + "}");
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        long id = created.json().path("id").asLong();
        JsonNode view = get("/api/corrections/" + id).json();
        assertThat(view.path("source_value").asText()).isEqualTo("Kowalski");
        assertThat(view.path("status").asText()).isEqualTo("PENDING");
        assertThat(view.path("recipients").isArray()).isTrue();
        assertThat(post("/api/corrections/" + id + "/decision", "{\"decision\":\"MAYBE\",\"note\":\"n\"}").status()).isEqualTo(400);
        TestServer.Response accepted = post("/api/corrections/" + id + "/decision", "{\"decision\":\"ACCEPT\",\"note\":\"passport seen\"}");
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(200);
        assertThat(get("/api/corrections?status=ACCEPTED").json().path("items")).anySatisfy(c -> assertThat(c.path("id").asLong()).isEqualTo(id));

        // an analyst in the case sees it on the profile, with its provenance; the record is as the source gave it
        JsonNode profile = t.get(Role.ANALYST, "/api/entities/" + t.subject).json();
        assertThat(profile.path("corrections")).anySatisfy(c -> {
            assertThat(c.path("correction").asLong()).isEqualTo(id);
            assertThat(c.path("record").asText()).isEqualTo("S:A");
            assertThat(c.path("field").asText()).isEqualTo("names[0].surname");
            assertThat(c.path("source_value").asText()).isEqualTo("Kowalski");
            assertThat(c.path("corrected_value").asText()).isEqualTo("Kowalska");
            assertThat(c.path("decided_by").asText()).isEqualTo("privacy.officer");
            assertThat(c.path("decided_at").asText()).isNotEmpty();
            assertThat(c.path("reason").asText()).isEqualTo("her name as written in her passport");
        });
        assertThat(profile.path("records").get(0).path("content").path("names").get(0).path("surname").asText()).isEqualTo("Kowalski");
        assertThat(t.server.locked(() -> t.ws.store().record(new io.relata.core.model.RecordKey("S", "A")).orElseThrow().content()))
                .isEqualTo(before);
        assertThat(t.actions("correction:" + id)).contains("privacy.officer correction.read ALLOWED 1",
                "privacy.officer correction.decide ALLOWED 0");
        // other roles have no part in it
        assertThat(t.get(Role.ANALYST, "/api/corrections/" + id).status()).isEqualTo(403);
        List<String> denied = t.actions("correction:" + id);
        assertThat(denied).contains("analyst correction.read DENIED 0");
    }
}

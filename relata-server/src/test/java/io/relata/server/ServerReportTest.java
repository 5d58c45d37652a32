package io.relata.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.app.access.Accounts;
import io.relata.app.access.Role;
import io.relata.core.model.RecordKey;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports end to end through the real server: an analyst composes from the case, a supervisor approves, the analyst
 * disseminates to a partner agency; the partner sees that report and nothing else, in a copy redacted for it and
 * watermarked with it; the accounting of disclosures for a person in it shows where it went; a revocation takes it
 * back.
 */
class ServerReportTest {
    static final String MARKINGS = "UNCLASSIFIED//LAW ENFORCEMENT SENSITIVE";
    static final String NARRATIVE = "Anna Kowalski shares a telephone line with a second person of interest.";
    @TempDir
    static Path dir;
    static TestServer t;
    /** Two more partner agencies, for the end-to-end test alone. */
    static String countyToken, otherPartnerToken;

    @BeforeAll
    static void start() throws Exception {
        t = new TestServer(dir);
        // a further record of Anna's with biometrics, which no report may carry
        TestServer.Response load = t.upload("S", "bio.jsonl", TestServer.person("A9", "Anna", "Kowalski", "1980-01-01",
                "\"identifiers\":[{\"type\":\"PASSPORT\",\"value\":\"X1234567\",\"country\":\"PL\"}],"
                        + "\"biometrics\":{\"fingerprints\":[{\"finger\":\"R1\",\"image\":\"fp/anna-r1.png\"}],\"photos\":[\"photos/anna-face.jpg\"]}") + "\n");
        assertThat(t.awaitLoad(load.json().path("id").asText()).path("state").asText()).isEqualTo("DONE");
        assertThat(t.server.locked(() -> t.ws.graph().entityOf(new RecordKey("S", "A9")))).isEqualTo(t.subject);
        countyToken = partnerAccount("county", "County Sheriff");
        otherPartnerToken = partnerAccount("elsewhere", "Elsewhere");
    }

    static String partnerAccount(String username, String organization) {
        return t.server.locked(() -> {
            Accounts accounts = new Accounts(t.ws.store(), t.audit::append);
            accounts.createUser(username, organization + " analyst", Set.of(Role.PARTNER), TestServer.PASSWORD.toCharArray(),
                    organization, "setup");
            return accounts.createApiToken(accounts.user(username).orElseThrow(), "test", null, "setup").secret();
        });
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    static String draft(String title) {
        return "{\"title\":\"" + title + "\",\"markings\":\"" + MARKINGS + "\",\"handling\":\"Not for release to the subject."
                + "\",\"narrative\":\"" + NARRATIVE + "\",\"entities\":[\"S:A\"],\"chart\":{\"kind\":\"NETWORK\",\"from\":\"S:A\",\"hops\":1}}";
    }

    /** Composes a report and has the supervisor approve its first version; answers the report id. */
    static long approvedReport(String title) {
        TestServer.Response created = t.post(Role.ANALYST, "/api/cases/" + t.caseId + "/reports", draft(title));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        long report = created.json().path("report").asLong();
        TestServer.Response approved = t.post(Role.SUPERVISOR, versionPath(report, 1) + "/review", "{\"decision\":\"APPROVE\"}");
        assertThat(approved.status()).as("%s", approved).isEqualTo(200);
        return report;
    }

    static String versionPath(long report, int version) {
        return "/api/cases/" + t.caseId + "/reports/" + report + "/versions/" + version;
    }

    static TestServer.Response disseminate(long report, int version, String organization) {
        return t.post(Role.ANALYST, versionPath(report, version) + "/disseminations", "{\"organization\":\"" + organization
                + "\",\"purpose\":\"joint investigation of phone fraud\",\"agreement\":\"MOU 2026-04 with " + organization + "\"}");
    }

    /** A request as a partner: no case, no purpose, only their token. */
    static HttpResponse<byte[]> partner(String token, String path) {
        try {
            return t.http.send(HttpRequest.newBuilder(URI.create(t.base + path)).header("Authorization", "Bearer " + token)
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    static JsonNode json(HttpResponse<byte[]> r) {
        try {
            return TestServer.JSON.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError(new String(r.body(), StandardCharsets.UTF_8), e);
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void composed_approved_disseminated_seen_by_its_partner_alone_accounted_for_and_revoked() throws Exception {
        String partner = countyToken;
        long report = approvedReport("Phone ring around Anna");
        TestServer.Response sent = disseminate(report, 1, "County Sheriff");
        assertThat(sent.status()).as("%s", sent).isEqualTo(201);
        long dissemination = sent.json().path("id").asLong();
        long elsewhere = disseminate(report, 1, "Elsewhere").json().path("id").asLong();

        // the partner's inbox holds exactly that dissemination
        HttpResponse<byte[]> inbox = partner(partner, "/api/inbox");
        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(json(inbox).path("items")).extracting(n -> n.path("id").asLong()).containsExactly(dissemination);
        JsonNode view = json(partner(partner, "/api/inbox/" + dissemination));
        assertThat(view.path("title").asText()).isEqualTo("Phone ring around Anna");
        assertThat(view.path("agreement").asText()).isEqualTo("MOU 2026-04 with County Sheriff");
        assertThat(view.path("content").path("narrative").asText()).isEqualTo(NARRATIVE);
        assertThat(view.toString()).doesNotContain("S:A", "Anya", "X1234567").contains("X1****67");
        // its documents are the copies whose digests were recorded
        HttpResponse<byte[]> pdf = partner(partner, "/api/inbox/" + dissemination + "/document?format=pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(sha256(pdf.body())).isEqualTo(sent.json().path("pdf_sha256").asText());
        HttpResponse<byte[]> html = partner(partner, "/api/inbox/" + dissemination + "/document?format=html");
        assertThat(html.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        assertThat(sha256(html.body())).isEqualTo(sent.json().path("html_sha256").asText());
        String page = new String(html.body(), StandardCharsets.UTF_8);
        assertThat(page).contains("Disseminated to County Sheriff - dissemination " + dissemination, MARKINGS, "data:image/png;base64,")
                .doesNotContain("X1234567", "Anya", "anna-r1", "S:A");

        // a dissemination to another organization is not found for it; the other partner sees only its own
        assertThat(partner(partner, "/api/inbox/" + elsewhere).statusCode()).isEqualTo(404);
        assertThat(partner(partner, "/api/inbox/" + elsewhere + "/document").statusCode()).isEqualTo(404);
        assertThat(json(partner(otherPartnerToken, "/api/inbox")).path("items")).extracting(n -> n.path("id").asLong())
                .containsExactly(elsewhere);
        // and nothing else of Relata answers it
        for (String path : List.of("/api/search?name=Anna", "/api/entities/" + t.subject, "/api/cases",
                "/api/cases/" + t.caseId + "/reports", "/api/cases/" + t.caseId + "/disseminations",
                versionPath(report, 1) + "/document", "/api/disclosures?person=S:A", "/api/partner-organizations",
                "/api/leads", "/api/audit/entries?object=entity:" + t.subject, "/api/users")) {
            assertThat(partner(partner, path).statusCode()).as(path).isIn(403, 404);
        }

        // the accounting of disclosures for a person in the report, for a privacy officer (no case needed) ...
        HttpResponse<byte[]> accounting = privacyOfficer("/api/disclosures?person=S:A");
        assertThat(accounting.statusCode()).as(new String(accounting.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        JsonNode items = json(accounting).path("items");
        assertThat(items).extracting(n -> n.path("id").asLong()).contains(dissemination, elsewhere);
        JsonNode toAgency = find(items, dissemination);
        assertThat(toAgency.path("organization").asText()).isEqualTo("County Sheriff");
        assertThat(toAgency.path("purpose").asText()).isEqualTo("joint investigation of phone fraud");
        assertThat(toAgency.path("sent_by").asText()).isEqualTo("analyst");
        assertThat(toAgency.path("revoked").asBoolean()).isFalse();
        assertThat(toAgency.path("records")).extracting(JsonNode::asText).contains("S:A").doesNotContain("H:A");
        // ... through any of the person's records, and for a supervisor of the case
        JsonNode bySupervisor = t.get(Role.SUPERVISOR, "/api/disclosures?person=" + t.subject).json().path("items");
        assertThat(bySupervisor).extracting(n -> n.path("id").asLong()).contains(dissemination, elsewhere);
        assertThat(t.get(Role.ANALYST, "/api/disclosures?person=S:A").status()).isEqualTo(403);
        // Boris appears in the chart as Anna's neighbour: his data went too, and the accounting says so
        JsonNode boris = json(privacyOfficer("/api/disclosures?person=" + t.stranger));
        assertThat(boris.path("items")).extracting(n -> n.path("id").asLong()).contains(dissemination);

        // the partner's views are in the audit trail
        assertThat(t.actions("dissemination:" + dissemination)).contains("county inbox.read ALLOWED 1", "county inbox.list ALLOWED 1");
        assertThat(t.actions("report:" + report)).contains("county inbox.read ALLOWED 1", "analyst report.disseminate ALLOWED 0",
                "supervisor report.review ALLOWED 0");
        assertThat(t.actions("organization:County Sheriff")).containsExactly("analyst report.disseminate ALLOWED 0");
        assertThat(t.actions("record:S:A")).contains("county inbox.read ALLOWED 1");
        assertThat(t.actions("dissemination:" + elsewhere)).contains("county inbox.read DENIED 0", "elsewhere inbox.list ALLOWED 1");

        // revoked: gone for the partner, still accounted for
        TestServer.Response revoked = t.post(Role.ANALYST, "/api/cases/" + t.caseId + "/disseminations/" + dissemination
                + "/revocation", "{\"reason\":\"sent before the partner's clearance was confirmed\"}");
        assertThat(revoked.status()).as("%s", revoked).isEqualTo(200);
        assertThat(json(partner(partner, "/api/inbox")).path("items")).isEmpty();
        assertThat(partner(partner, "/api/inbox/" + dissemination).statusCode()).isEqualTo(404);
        assertThat(partner(partner, "/api/inbox/" + dissemination + "/document").statusCode()).isEqualTo(404);
        assertThat(find(t.get(Role.SUPERVISOR, "/api/disclosures?person=S:A").json().path("items"), dissemination)
                .path("revoked").asBoolean()).isTrue();
        assertThat(t.post(Role.ANALYST, "/api/cases/" + t.caseId + "/disseminations/" + dissemination + "/revocation",
                "{\"reason\":\"again\"}").status()).isEqualTo(409);
        assertThat(t.actions("dissemination:" + dissemination)).contains("analyst dissemination.revoke ALLOWED 0",
                "county inbox.read DENIED 0");
    }

    /** A request as the privacy officer, who works outside cases: a purpose, no case. */
    static HttpResponse<byte[]> privacyOfficer(String path) throws IOException, InterruptedException {
        return t.http.send(HttpRequest.newBuilder(URI.create(t.base + path))
                .header("Authorization", "Bearer " + t.tokens.get(Role.PRIVACY_OFFICER))
                .header("X-Relata-Purpose", "access request 77").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static JsonNode find(JsonNode items, long id) {
        for (JsonNode n : items) if (n.path("id").asLong() == id) return n;
        throw new AssertionError("no dissemination " + id + " in " + items);
    }

    @Test
    void the_partners_pdf_holds_the_watermark_and_what_it_may_see_and_nothing_restricted() throws Exception {
        long report = approvedReport("Redaction check");
        TestServer.Response sent = disseminate(report, 1, "Agency");
        long id = sent.json().path("id").asLong();
        byte[] pdf = partner(t.tokens.get(Role.PARTNER), "/api/inbox/" + id + "/document").body();
        String text = text(pdf);
        String flat = text.replaceAll("\\s+", " ");
        assertThat(flat).contains("Disseminated to Agency - dissemination " + id, MARKINGS, "Redaction check", NARRATIVE,
                "Anna", "Kowalski", "X1****67", "1980-01-01", "Boris", "Not for release to the subject.");
        // full identifiers, biometrics, what only the source the partner is not cleared for gives, raw records
        assertThat(flat).doesNotContain("X1234567", "anna-r1", "anna-face", "fingerprint", "biometric", "Anya", "anya.secret",
                "Atlantis", "HIDDEN-APP-1", "S:A", "H:A", "\"source\"", "\"names\"", "{\"");
        // the watermark is on every page
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                assertThat(stripper.getText(doc).replaceAll("\\s+", " ")).as("page %d", p)
                        .contains("Disseminated to Agency - dissemination " + id, MARKINGS);
            }
        }
        // the same version previewed by a supervisor cleared for the hidden source shows what the partner's copy left out
        t.server.locked(() -> {
            new Accounts(t.ws.store(), t.audit::append).setClearances("supervisor", Set.of(TestServer.HIDDEN_LABEL), "setup");
            return null;
        });
        try {
            HttpResponse<byte[]> preview = t.http.send(t.as(Role.SUPERVISOR, versionPath(report, 1) + "/document").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(preview.statusCode()).isEqualTo(200);
            String previewText = text(preview.body()).replaceAll("\\s+", " ");
            assertThat(previewText).contains("Anya", "anya.secret@example.org", "HIDDEN-APP-1", "PREVIEW for supervisor")
                    .doesNotContain("Disseminated to");
        } finally {
            t.server.locked(() -> {
                new Accounts(t.ws.store(), t.audit::append).setClearances("supervisor", Set.of(), "setup");
                return null;
            });
        }
    }

    @Test
    void only_an_approved_version_leaves_and_its_author_cannot_approve_it() {
        TestServer.Response created = t.post(Role.SUPERVISOR, "/api/cases/" + t.caseId + "/reports", draft("Own work"));
        assertThat(created.status()).isEqualTo(201);
        long report = created.json().path("report").asLong();
        TestServer.Response pending = disseminate(report, 1, "Agency");
        assertThat(pending.status()).as("%s", pending).isEqualTo(409);
        assertThat(pending.json().path("detail").asText()).contains("PENDING");
        TestServer.Response own = t.post(Role.SUPERVISOR, versionPath(report, 1) + "/review", "{\"decision\":\"APPROVE\"}");
        assertThat(own.status()).as("%s", own).isEqualTo(403);
        assertThat(own.json().path("detail").asText()).contains("you wrote");
        assertThat(t.post(Role.ANALYST, versionPath(report, 1) + "/review", "{\"decision\":\"APPROVE\"}").status()).isEqualTo(403);
        assertThat(t.post(Role.SUPERVISOR, versionPath(report, 1) + "/review", "{\"decision\":\"REJECT\"}").status())
                .as("a rejection needs its note").isEqualTo(400);
        // the analyst saves version 2: the supervisor may approve that one; version 1 stays unapproved
        TestServer.Response v2 = t.post(Role.ANALYST, "/api/cases/" + t.caseId + "/reports/" + report + "/versions", draft("Own work, revised"));
        assertThat(v2.status()).as("%s", v2).isEqualTo(201);
        assertThat(v2.json().path("version").asInt()).isEqualTo(2);
        assertThat(t.get(Role.SUPERVISOR, "/api/cases/" + t.caseId + "/approvals").json().path("items"))
                .extracting(n -> n.path("report").asLong() + "/" + n.path("version").asInt()).contains(report + "/1", report + "/2");
        assertThat(t.post(Role.SUPERVISOR, versionPath(report, 2) + "/review", "{\"decision\":\"APPROVE\",\"note\":\"ok\"}").status())
                .isEqualTo(200);
        assertThat(t.post(Role.SUPERVISOR, versionPath(report, 2) + "/review", "{\"decision\":\"REJECT\",\"note\":\"no\"}").status())
                .as("reviewed once").isEqualTo(409);
        assertThat(disseminate(report, 1, "Agency").status()).isEqualTo(409);
        assertThat(disseminate(report, 2, "Agency").status()).isEqualTo(201);
        assertThat(disseminate(report, 2, "Nobody Agency").status()).as("not a partner organization").isEqualTo(400);
        // a later version needs its own approval
        t.post(Role.ANALYST, "/api/cases/" + t.caseId + "/reports/" + report + "/versions", draft("Own work, third"));
        assertThat(disseminate(report, 3, "Agency").status()).isEqualTo(409);
        // the report shows its versions and where it went
        JsonNode r = t.get(Role.ANALYST, "/api/cases/" + t.caseId + "/reports/" + report).json();
        assertThat(r.path("versions")).extracting(n -> n.path("status").asText()).containsExactly("PENDING", "APPROVED", "PENDING");
        assertThat(r.path("disseminations")).hasSize(1);
    }

    @Test
    void a_report_covers_only_subjects_of_the_case_and_its_chart_is_a_picture() {
        String outside = draft("Outside").replace("[\"S:A\"]", "[\"S:A\",\"S:C\"]");
        TestServer.Response denied = t.post(Role.ANALYST, "/api/cases/" + t.caseId + "/reports", outside);
        assertThat(denied.status()).as("%s", denied).isEqualTo(404);
        assertThat(denied.body()).doesNotContain("Carla");
        assertThat(t.post(Role.ANALYST, "/api/cases/" + t.caseId + "/reports", draft("x").replace("\"markings\":\"" + MARKINGS + "\",", ""))
                .status()).isEqualTo(400);
        String path = draft("Path").replace("{\"kind\":\"NETWORK\",\"from\":\"S:A\",\"hops\":1}", "{\"kind\":\"PATH\",\"from\":\"S:A\",\"to\":\"S:B\"}");
        assertThat(t.post(Role.ANALYST, "/api/cases/" + t.caseId + "/reports", path).status()).as("path end outside the report").isEqualTo(400);
        TestServer.Response created = t.post(Role.ANALYST, "/api/cases/" + t.caseId + "/reports", draft("Picture"));
        long report = created.json().path("report").asLong();
        HttpResponse<byte[]> png;
        try {
            png = t.http.send(t.as(Role.ANALYST, versionPath(report, 1) + "/chart.png").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/png");
        assertThat(java.util.Arrays.copyOf(png.body(), 4)).containsExactly(0x89, 'P', 'N', 'G');
        JsonNode version = t.get(Role.ANALYST, versionPath(report, 1)).json();
        // who looked at Boris finds the analyst's view of a report whose chart drew him
        assertThat(t.actions("entity:" + t.stranger)).contains("analyst report.read ALLOWED 1");
        assertThat(version.path("content").path("chart").path("nodes")).extracting(n -> n.path("label").asText())
                .contains("Anna Kowalski", "Boris Ivanov");
        assertThat(version.path("draft").path("entities")).extracting(JsonNode::asLong).containsExactly(t.subject);
        assertThat(version.path("status").asText()).isEqualTo("PENDING");
    }
}

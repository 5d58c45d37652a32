package io.relata.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.HandlerType;
import io.relata.app.access.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what, through the real server: every route as every role and as an anonymous caller; need-to-know
 * inside a case; purpose and training; and the audit entries each access leaves.
 */
class ServerAccessTest {
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

    /** A request for a route with its path filled in and the parameters and body an allowed caller would send. */
    static HttpRequest request(TestServer t, ApiRoute r, Role role) {
        String id = switch (r.path()) {
            case "/api/loads/{id}" -> UUID.randomUUID().toString(); // no such load: 404 for whoever may ask
            case "/api/tokens/{id}" -> "999999"; // never the caller's own: revoking it would end the matrix
            case "/api/leads/{id}/disposition" -> Long.toString(t.leadId);
            case "/api/inbox/{id}", "/api/inbox/{id}/document" -> Long.toString(t.disseminationId);
            default -> Long.toString(r.path().startsWith("/api/entities") ? t.subject
                    : r.path().startsWith("/api/access-requests") ? t.accessRequestId
                    : r.path().startsWith("/api/corrections") ? t.correctionId : t.caseId);
        };
        String path = r.path().replace("{id}", id).replace("{alert}", Long.toString(t.alertId))
                .replace("{username}", "analyst").replace("{code}", "S").replace("{report}", Long.toString(t.reportId))
                .replace("{version}", Long.toString(r.path().endsWith("/disseminations") ? t.approvedVersion : t.pendingVersion))
                .replace("{dissemination}", Long.toString(t.disseminationId));
        String query = switch (r.path()) {
            case "/api/search" -> "?name=Anna+Kowalski";
            case "/api/paths" -> "?from=" + t.subject + "&to=" + t.stranger;
            case "/api/common" -> "?a=S:A&b=S:A";
            case "/api/audit/entries" -> "?object=entity:" + t.subject;
            case "/api/disclosures" -> "?person=" + t.subject;
            case "/api/loads" -> r.method() == HandlerType.POST ? "?source=M&filename=matrix.jsonl" : "";
            default -> r.path().endsWith("/why") ? "?a=S:A&b=S:A" : "";
        };
        HttpRequest.Builder b = t.as(role, path + query);
        String body = switch (r.path()) {
            case "/api/session" -> "{\"username\":\"analyst\",\"password\":\"" + TestServer.PASSWORD + "\"}";
            case "/api/tokens" -> "{\"name\":\"matrix\"}";
            case "/api/cases" -> "{\"name\":\"case of " + role + " " + System.nanoTime() + "\"}";
            case "/api/cases/{id}/members" -> "{\"username\":\"supervisor\",\"role\":\"MEMBER\"}";
            case "/api/cases/{id}/subjects" -> "{\"entity\":\"S:A\",\"reason\":\"matrix\"}";
            case "/api/cases/{id}/watches" -> "{\"entity\":\"S:A\",\"hops\":1}";
            case "/api/cases/{id}/alerts/{alert}/disposition" -> "{\"status\":\"ACKNOWLEDGED\",\"note\":\"seen\"}";
            case "/api/leads/{id}/disposition" -> "{\"status\":\"REVIEWED\",\"note\":\"seen\"}";
            case "/api/review/decisions" -> "{\"first\":\"S:A\",\"second\":\"S:C\",\"same\":false,\"reason\":\"different people\"}";
            case "/api/users" -> "{\"username\":\"u" + Math.abs(System.nanoTime() % 100000) + "\",\"roles\":[\"ANALYST\"],\"password\":\"a long enough secret\"}";
            case "/api/users/{username}" -> "{\"training_completed\":\"" + java.time.LocalDate.now() + "\"}";
            case "/api/sources/{code}" -> "{\"owner\":\"Data office\"}";
            case "/api/retention/runs" -> "{\"confirm\":true}";
            case "/api/cases/{id}/legal-hold" -> "{\"reason\":\"matrix\"}";
            case "/api/exports" -> "{\"entities\":[" + t.subject + "],\"justification\":\"court order 2026-117 for the Harbor case\"}";
            case "/api/cases/{id}/reports", "/api/cases/{id}/reports/{report}/versions" -> "{\"title\":\"Matrix\","
                    + "\"markings\":\"UNCLASSIFIED\",\"entities\":[\"S:A\"],\"chart\":{\"kind\":\"NETWORK\",\"from\":\"S:A\",\"hops\":1}}";
            case "/api/cases/{id}/reports/{report}/versions/{version}/review" -> "{\"decision\":\"APPROVE\",\"note\":\"matrix\"}";
            case "/api/cases/{id}/reports/{report}/versions/{version}/disseminations" -> "{\"organization\":\"Agency\","
                    + "\"purpose\":\"matrix\",\"agreement\":\"MOU 1\"}";
            case "/api/cases/{id}/disseminations/{dissemination}/revocation" -> "{\"reason\":\"matrix\"}";
            case "/api/access-requests" -> "{\"names\":[\"Anna Kowalski\"],\"dob\":\"1980-01-01\",\"notes\":\"matrix\"}";
            case "/api/access-requests/{id}/decisions" -> "{\"record\":\"S:A\",\"decision\":\"RELEASE\"}";
            case "/api/access-requests/{id}/status" -> "{\"status\":\"RESPONDED\",\"note\":\"matrix\"}";
            case "/api/corrections" -> "{\"record\":\"S:A\",\"field\":\"names[0].surname\",\"value\":\"Kowalska\",\"reason\":\"matrix\"}";
            case "/api/corrections/{id}/decision" -> "{\"decision\":\"ACCEPT\",\"note\":\"matrix\"}";
            case "/api/loads" -> TestServer.person("M" + System.nanoTime(), "Matrix", "Upload", "1970-07-07", "")
                    .replace("\"source\":\"S\"", "\"source\":\"M\"") + "\n";
            default -> "{}";
        };
        if (r.method() == HandlerType.GET) return b.GET().build();
        String type = r.bodyType();
        return b.header("Content-Type", type).method(r.method().name(), HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpRequest request(ApiRoute r, Role role) {
        return request(t, r, role);
    }

    @Test
    void every_route_as_every_role_and_as_nobody_is_allowed_or_denied_as_the_policy_says() {
        List<String> wrong = new ArrayList<>();
        for (ApiRoute r : t.server.routes()) {
            if (r.path().equals("/api/session") && r.method() == HandlerType.DELETE) continue; // would end the caller's session
            List<Role> callers = new ArrayList<>(List.of(Role.values()));
            callers.add(null);
            for (Role role : callers) {
                TestServer.Response res = t.send(request(r, role));
                boolean denied = res.status() == 401 || res.status() == 403;
                boolean mayCall = t.mayCall(r, role);
                if (denied == mayCall || res.status() >= 500) {
                    wrong.add(r.method() + " " + r.path() + " as " + role + ": " + res);
                }
                if (denied) assertThat(res.contentType()).startsWith("application/problem+json");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void an_analyst_cannot_reach_an_entity_outside_the_case_by_guessing_its_id() {
        TestServer.Response own = t.get(Role.ANALYST, "/api/entities/" + t.subject);
        assertThat(own.status()).as("%s", own).isEqualTo(200);
        for (String path : List.of("/api/entities/" + t.stranger, "/api/entities/" + t.stranger + "/network",
                "/api/entities/" + (t.stranger + 1000), "/api/paths?from=" + t.subject + "&to=" + t.stranger)) {
            TestServer.Response res = t.get(Role.ANALYST, path);
            assertThat(res.status()).as("%s %s", path, res).isEqualTo(404);
            assertThat(res.body()).doesNotContain("Boris", "Ivanov");
        }
        assertThat(t.actions("entity:" + t.stranger)).contains("analyst entity.read DENIED 0", "analyst graph.network DENIED 0");
    }

    @Test
    void personal_data_needs_a_purpose_a_case_membership_and_current_training() {
        TestServer.Response noPurpose = t.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(t.base + "/api/entities/" + t.subject))
                .header("Authorization", "Bearer " + t.tokens.get(Role.ANALYST)).header("X-Relata-Case", Long.toString(t.caseId)).GET().build());
        assertThat(noPurpose.status()).isEqualTo(400);
        assertThat(noPurpose.json().path("detail").asText()).contains("purpose");
        // the partner has no training on record, and the role would not do anyway
        assertThat(t.get(Role.PARTNER, "/api/search?name=Anna").status()).isEqualTo(403);
        // a supervisor who is a member, another analyst who is not
        assertThat(t.get(Role.SUPERVISOR, "/api/entities/" + t.subject).status()).isEqualTo(200);
    }

    @Test
    void a_read_leaves_one_audit_entry_with_what_it_showed() {
        int before = t.actions("entity:" + t.subject).size();
        TestServer.Response res = t.get(Role.ANALYST, "/api/entities/" + t.subject);
        assertThat(res.status()).isEqualTo(200);
        List<String> after = t.actions("entity:" + t.subject);
        assertThat(after).hasSize(before + 1);
        assertThat(after.get(after.size() - 1)).isEqualTo("analyst entity.read ALLOWED 1");
        JsonNode body = res.json();
        assertThat(body.path("records").get(0).path("record").asText()).isEqualTo("S:A");
        // the analyst has no permission for full identifiers: the passport number is shortened
        assertThat(res.body()).doesNotContain("X1234567").contains("X1****67");
    }

    @Test
    void a_source_the_user_is_not_cleared_for_leaves_no_trace_in_any_answer() {
        assertThat(t.server.locked(() -> t.ws.graph().records(t.subject).size())).as("Anna has a hidden record").isEqualTo(2);
        List<String> answers = new ArrayList<>();
        for (String path : List.of("/api/entities/" + t.subject, "/api/entities/" + t.subject + "/how",
                "/api/entities/" + t.subject + "/network", "/api/search?name=Anya+Kowalski", "/api/search?email=anya.secret@example.org",
                "/api/search?name=Anna+Kowalski", "/api/cases/" + t.caseId + "/subjects", "/api/leads", "/api/review",
                "/api/paths?from=" + t.stranger + "&to=" + t.subject, "/api/common?a=S:A&b=S:B")) {
            TestServer.Response res = t.get(Role.SUPERVISOR, path);
            assertThat(res.status()).as("%s %s", path, res).isIn(200, 404);
            answers.add(res.body());
        }
        TestServer.Response export = t.post(Role.SUPERVISOR, "/api/exports",
                "{\"entities\":[" + t.subject + "],\"justification\":\"court order 2026-117 for the Harbor case\"}");
        assertThat(export.status()).as("%s", export).isEqualTo(200);
        assertThat(export.json().path("entities").get(0).path("records")).hasSize(1);
        answers.add(export.body());
        assertThat(answers).allSatisfy(a -> assertThat(a).doesNotContain("Anya", "anya", "H:A", "secret@"));
        JsonNode how = t.get(Role.ANALYST, "/api/entities/" + t.subject + "/how").json();
        assertThat(how.path("records")).extracting(JsonNode::asText).containsExactly("S:A");
        assertThat(how.path("links")).isEmpty(); // the one link joins S:A to the hidden record
    }

    @Test
    void how_shows_the_links_with_their_match_keys_and_is_need_to_know() {
        // a user cleared for the hidden source sees both records and the link that joined them
        t.server.locked(() -> {
            new io.relata.app.access.Accounts(t.ws.store(), t.audit::append).setClearances("supervisor",
                    Set.of(TestServer.HIDDEN_LABEL), "setup");
            return null;
        });
        try {
            JsonNode how = t.get(Role.SUPERVISOR, "/api/entities/" + t.subject + "/how").json();
            assertThat(how.path("records")).extracting(JsonNode::asText).containsExactly("H:A", "S:A");
            assertThat(how.path("links")).singleElement().satisfies(l -> {
                assertThat(l.path("match_key").asText()).contains("+DOB");
                assertThat(l.path("weight").asDouble()).isPositive();
                assertThat(l.path("ruling").asBoolean()).isFalse();
            });
        } finally {
            t.server.locked(() -> {
                new io.relata.app.access.Accounts(t.ws.store(), t.audit::append).setClearances("supervisor", Set.of(), "setup");
                return null;
            });
        }
        assertThat(t.get(Role.ANALYST, "/api/entities/" + t.stranger + "/how").status()).isEqualTo(404);
        assertThat(t.actions("entity:" + t.stranger)).contains("analyst entity.how DENIED 0");
    }

    @Test
    void an_export_needs_the_permission_a_justification_and_need_to_know() {
        String body = "{\"entities\":[" + t.subject + "],\"justification\":\"court order 2026-117 for the Harbor case\"}";
        TestServer.Response analyst = t.post(Role.ANALYST, "/api/exports", body);
        assertThat(analyst.status()).as("%s", analyst).isEqualTo(403);
        assertThat(analyst.json().path("detail").asText()).contains("EXPORT");
        TestServer.Response shortReason = t.post(Role.SUPERVISOR, "/api/exports",
                "{\"entities\":[" + t.subject + "],\"justification\":\"because\"}");
        assertThat(shortReason.status()).isEqualTo(400);
        assertThat(t.post(Role.SUPERVISOR, "/api/exports", "{\"entities\":[],\"justification\":\"court order 2026-117 for it\"}")
                .status()).isEqualTo(400);
        assertThat(t.post(Role.SUPERVISOR, "/api/exports", "{\"entities\":[\"1\"],\"justification\":\"court order 2026-117 for it\"}")
                .status()).isEqualTo(400);
        TestServer.Response outside = t.post(Role.SUPERVISOR, "/api/exports",
                "{\"entities\":[" + t.subject + "," + t.stranger + "],\"justification\":\"court order 2026-117 for the Harbor case\"}");
        assertThat(outside.status()).isEqualTo(404);
        assertThat(outside.body()).doesNotContain("Anna", "Boris");
        TestServer.Response ok = t.post(Role.SUPERVISOR, "/api/exports", body);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().path("justification").asText()).isEqualTo("court order 2026-117 for the Harbor case");
        assertThat(ok.json().path("entities").get(0).path("entity").asLong()).isEqualTo(t.subject);
        var last = t.auditAfter(t.auditHead() - 1).get(0);
        assertThat(last.action()).isEqualTo("entity.export");
        assertThat(last.detail()).contains("court order 2026-117 for the Harbor case");
        assertThat(last.objects()).contains("entity:" + t.subject, "record:S:A");
    }

    @Test
    void every_list_takes_limit_and_offset_and_answers_one_shape() {
        List<String> wrong = new ArrayList<>();
        int lists = 0;
        for (ApiRoute r : t.server.routes()) {
            if (r.method() != HandlerType.GET || !r.signedIn()) continue;
            Role role = java.util.stream.Stream.of(Role.ANALYST, Role.SUPERVISOR, Role.AUDITOR, Role.ADMIN, Role.PARTNER,
                    Role.PRIVACY_OFFICER)
                    .filter(x -> t.mayCall(r, x)).findFirst().orElseThrow();
            boolean paged = r.query().stream().anyMatch(p -> p.name().equals("limit"))
                    && r.query().stream().anyMatch(p -> p.name().equals("offset"));
            HttpRequest plain = request(r, role);
            TestServer.Response whole = t.send(plain);
            if (whole.status() != 200) continue; // a 404 for a made-up load id, say
            if (!whole.contentType().startsWith("application/json")) continue; // a document (an access request's PDF)
            JsonNode all = whole.json();
            boolean list = all.has("items");
            if (list != paged) {
                wrong.add(r.path() + ": answers " + (list ? "a list" : "no list") + " but documents " + (paged ? "" : "no ") + "paging");
                continue;
            }
            if (!list) continue;
            lists++;
            String uri = plain.uri().toString();
            String sep = uri.contains("?") ? "&" : "?";
            JsonNode first = t.send(t.as(role, uri.substring(t.base.length()) + sep + "limit=1&offset=0").GET().build()).json();
            if (!first.path("items").isArray() || first.path("limit").asInt() != 1 || first.path("offset").asInt() != 0
                    || !first.has("next_offset") || first.path("items").size() > 1) {
                wrong.add(r.path() + ": " + first);
                continue;
            }
            int total = all.path("items").size();
            boolean more = total > 1 || !all.path("next_offset").isNull();
            if (more != !first.path("next_offset").isNull() || more && first.path("next_offset").asInt() != 1) {
                wrong.add(r.path() + ": " + total + " items in all, yet the first page of one says next_offset "
                        + first.path("next_offset"));
            }
            if (total > 1) {
                JsonNode second = t.send(t.as(role, uri.substring(t.base.length()) + sep + "limit=1&offset=1").GET().build()).json();
                if (!second.path("items").get(0).equals(all.path("items").get(1))) {
                    wrong.add(r.path() + ": the second page of one is not the second item: " + second);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(lists).as("lists checked").isGreaterThanOrEqualTo(10);
    }

    @Test
    void audit_entries_come_as_csv_for_an_auditor() {
        assertThat(t.get(Role.ANALYST, "/api/entities/" + t.subject).status()).isEqualTo(200);
        TestServer.Response csv = t.get(Role.AUDITOR, "/api/audit/entries?object=entity:" + t.subject + "&format=csv&limit=1000");
        assertThat(csv.status()).as("%s", csv).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("seq,at,actor,client_address,case_id,purpose,action,outcome,objects,result_count,detail,hash");
        assertThat(csv.body()).contains(",analyst,", ",entity.read,ALLOWED,");
        TestServer.Response json = t.get(Role.AUDITOR, "/api/audit/entries?object=entity:" + t.subject + "&limit=1000");
        // the JSON answer holds one more entry: the auditor's CSV query, which was about this entity too
        assertThat(lines).hasSize(json.json().path("items").size());
        // paged like the JSON answer, the next page named in a header
        java.net.http.HttpResponse<String> page;
        try {
            page = t.http.send(t.as(Role.AUDITOR, "/api/audit/entries?object=entity:" + t.subject + "&format=csv&limit=1").GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(page.body().split("\r\n")).hasSize(2);
        assertThat(page.headers().firstValue("X-Next-Offset")).contains("1");
        assertThat(t.get(Role.ANALYST, "/api/audit/entries?object=entity:" + t.subject + "&format=csv").status()).isEqualTo(403);
    }

    @Test
    void the_openapi_document_describes_exactly_the_routes_served() {
        JsonNode doc = t.get(null, "/openapi.json").json();
        Set<String> documented = new HashSet<>();
        doc.path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
                .forEachRemaining(m -> documented.add(m.toUpperCase() + " " + p.getKey())));
        Set<String> served = new HashSet<>();
        for (ApiRoute r : t.server.routes()) served.add(r.method().name() + " " + r.path());
        assertThat(documented).isEqualTo(served);
    }
}

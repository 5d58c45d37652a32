package io.relata.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.HandlerType;
import io.relata.app.access.Operation;
import io.relata.app.access.Role;
import io.relata.app.report.ChartSpec;
import io.relata.app.report.ReportDraft;
import io.relata.app.report.Reports;
import io.relata.core.model.RecordKey;
import io.relata.store.AuditEntry;
import io.relata.store.FoundLead;
import io.relata.store.StoreBackdoor;
import io.relata.store.StoreBatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every route that touches personal data and checks the audit trail after each call: exactly one entry, with
 * the operation's action, the outcome, the case and purpose as sent and the objects asked about; a denial leaves one
 * DENIED entry; a change is recorded before it runs; and with the trail out of order nothing is read or changed.
 */
class ServerAuditWalkTest {
    static final String PURPOSE = "investigation 42";
    @TempDir
    static Path dir;
    static TestServer t;
    /** Boris, made a second subject of the case so that paths and common connections have two ends. */
    static long boris;
    /** Carla: in no case. */
    static long carla;

    @BeforeAll
    static void start() throws Exception {
        t = new TestServer(dir);
        boris = t.stranger;
        t.server.locked(() -> {
            t.ws.store().cases().addSubjects(t.caseId, List.of(new RecordKey("S", "B")), "analyst", "the walk", Instant.now());
            try (StoreBatch b = t.ws.store().begin()) {
                b.upsertLead(new FoundLead("shared-contact", "walk", 1.0, "[\"a phone they share\"]",
                        "[{\"entity\":" + t.subject + "},{\"entity\":" + boris + "}]", List.of(t.subject, boris)), Instant.now());
                b.commit();
            }
            return null;
        });
        carla = t.server.locked(() -> t.ws.graph().entityOf(new RecordKey("S", "C")));
        // a report with a version awaiting review, an approved one and a dissemination of it
        t.server.locked(() -> {
            Reports reports = new Reports(t.ws);
            ReportDraft draft = new ReportDraft("Walk", "UNCLASSIFIED", null, "The walk's report.", List.of(t.subject),
                    ChartSpec.network(t.subject, 1));
            t.reportId = reports.create(t.caseId, draft, "analyst").reportId();
            t.approvedVersion = reports.save(t.caseId, t.reportId, draft, "analyst").version();
            reports.review(t.caseId, t.reportId, t.approvedVersion, true, "fine", "supervisor");
            t.disseminationId = reports.disseminate(t.caseId, t.reportId, t.approvedVersion, "Agency", "the walk", "MOU 1",
                    "analyst").id();
            return null;
        });
        t.leadId = t.server.locked(() -> t.ws.store().leads().find("shared-contact", "walk").orElseThrow().id());
        // an alert for the case: watch Anna, then load a record that resolves into her
        assertThat(t.post(Role.ANALYST, "/api/cases/" + t.caseId + "/watches", "{\"entity\":\"S:A\",\"hops\":1}").status()).isEqualTo(201);
        TestServer.Response load = t.upload("S", "more.jsonl", TestServer.person("A2", "Anna", "Kowalski", "1980-01-01",
                "\"identifiers\":[{\"type\":\"PASSPORT\",\"value\":\"X1234567\",\"country\":\"PL\"}]") + "\n");
        assertThat(t.awaitLoad(load.json().path("id").asText()).path("state").asText()).isEqualTo("DONE");
        JsonNode alerts = t.get(Role.ANALYST, "/api/cases/" + t.caseId + "/alerts").json().path("items");
        assertThat(alerts).isNotEmpty();
        t.alertId = alerts.get(0).path("id").asLong();
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    private static List<ApiRoute> personalRoutes() {
        return t.server.routes().stream().filter(r -> r.operation() != null && r.operation().personal()).toList();
    }

    /** The matrix's request, with two ends inside the case for paths and common connections. */
    private static HttpRequest request(ApiRoute r, Role role) {
        return switch (r.path()) {
            case "/api/paths" -> t.as(role, "/api/paths?from=" + t.subject + "&to=" + boris).GET().build();
            case "/api/common" -> t.as(role, "/api/common?a=S:A&b=S:B").GET().build();
            default -> ServerAccessTest.request(t, r, role);
        };
    }

    private static Role allowed(ApiRoute r) {
        for (Role role : List.of(Role.ANALYST, Role.SUPERVISOR, Role.PRIVACY_OFFICER)) if (t.mayCall(r, role)) return role;
        throw new AssertionError("nobody may call " + r.path());
    }

    /** The objects an entry about this route must name: what the request was about. */
    private static List<String> asked(ApiRoute r) {
        List<String> objects = new ArrayList<>();
        if (r.operation().kind() == Operation.Kind.SUBJECT || r.path().equals("/api/search")) objects.add("entity:" + t.subject);
        if (r.path().equals("/api/paths") || r.path().equals("/api/common")) objects.add("entity:" + boris);
        if (r.path().startsWith("/api/cases/{id}")) objects.add("case:" + t.caseId);
        if (r.path().equals("/api/leads")) objects.addAll(List.of("entity:" + t.subject, "entity:" + boris));
        if (r.path().equals("/api/leads/{id}/disposition")) objects.add("lead:" + t.leadId);
        if (r.path().endsWith("/alerts/{alert}/disposition")) objects.add("alert:" + t.alertId);
        if (r.path().equals("/api/review/decisions")) objects.addAll(List.of("record:S:A", "record:S:C"));
        return objects;
    }

    @Test
    void every_personal_data_route_leaves_exactly_one_entry_saying_who_what_case_purpose_and_objects() {
        List<ApiRoute> routes = personalRoutes();
        assertThat(routes).extracting(ApiRoute::operation).contains(Operation.SEARCH,
                Operation.ENTITY_HOW, Operation.EXPORT, Operation.ALERT_DISPOSE, Operation.LEAD_DISPOSE, Operation.REVIEW_DECIDE);
        List<String> wrong = new ArrayList<>();
        for (ApiRoute r : routes) {
            Role role = allowed(r);
            long head = t.auditHead();
            TestServer.Response res = t.send(request(r, role));
            String name = r.method() + " " + r.path() + " as " + role;
            if (res.status() / 100 != 2) {
                wrong.add(name + ": " + res);
                continue;
            }
            List<AuditEntry> added = t.auditAfter(head);
            if (added.size() != 1) {
                wrong.add(name + ": " + added.size() + " entries " + added);
                continue;
            }
            AuditEntry e = added.get(0);
            if (!e.action().equals(r.operation().action()) || !e.outcome().equals("ALLOWED")
                    || !e.actor().equals(role.name().toLowerCase().replace('_', '.')) || e.caseId() == null
                    || e.caseId() != t.caseId || !PURPOSE.equals(e.purpose()) || e.clientAddress() == null
                    || !e.objects().containsAll(asked(r))) {
                wrong.add(name + ": " + e + " (asked about " + asked(r) + ")");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void a_denied_call_leaves_exactly_one_denied_entry() {
        List<String> wrong = new ArrayList<>();
        for (ApiRoute r : personalRoutes()) {
            long head = t.auditHead();
            TestServer.Response res = t.send(request(r, Role.AUDITOR)); // auditors read the trail, not the data
            List<AuditEntry> added = t.auditAfter(head);
            if (res.status() != 403 || added.size() != 1 || !added.get(0).outcome().equals("DENIED")
                    || !added.get(0).action().equals(r.operation().action()) || !added.get(0).actor().equals("auditor")) {
                wrong.add(r.method() + " " + r.path() + ": " + res + " " + added);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void an_entity_outside_the_case_is_denied_once_and_the_entry_names_it() {
        String export = "{\"entities\":[" + carla + "],\"justification\":\"court order 2026-117 for the Harbor case\"}";
        List<TestServer.Response> answers = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (String[] call : new String[][] {{"GET", "/api/entities/" + carla, null, "ANALYST"},
                {"GET", "/api/entities/" + carla + "/why?a=S:C&b=S:C", null, "ANALYST"},
                {"GET", "/api/entities/" + carla + "/how", null, "ANALYST"},
                {"GET", "/api/entities/" + carla + "/network", null, "ANALYST"},
                {"GET", "/api/paths?from=" + t.subject + "&to=" + carla, null, "ANALYST"},
                {"GET", "/api/common?a=S:A&b=S:C", null, "ANALYST"},
                {"POST", "/api/exports", export, "SUPERVISOR"},
                {"POST", "/api/cases/" + t.caseId + "/watches", "{\"entity\":\"S:C\",\"hops\":1}", "ANALYST"}}) {
            long head = t.auditHead();
            HttpRequest.Builder b = t.as(Role.valueOf(call[3]), call[1]);
            TestServer.Response res = t.send(call[2] == null ? b.GET().build()
                    : b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(call[2])).build());
            answers.add(res);
            List<AuditEntry> added = t.auditAfter(head);
            if (res.status() != 404 || added.size() != 1 || !added.get(0).outcome().equals("DENIED")
                    || !added.get(0).objects().contains("entity:" + carla)) {
                wrong.add(call[1] + ": " + res + " " + added);
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(answers).allSatisfy(a -> assertThat(a.body()).doesNotContain("Carla", "Mendes"));
    }

    @Test
    void a_change_is_recorded_before_it_runs() {
        // the change fails while running: the entry that allowed it is there already, and the failure after it
        long head = t.auditHead();
        TestServer.Response res = t.post(Role.ANALYST, "/api/leads/999999/disposition", "{\"status\":\"REVIEWED\",\"note\":\"n\"}");
        assertThat(res.status()).isEqualTo(404);
        assertThat(t.auditAfter(head)).extracting(e -> e.action() + " " + e.outcome())
                .containsExactly("lead.dispose ALLOWED", "lead.dispose FAILED");
        // and every change route is marked as one, so the guard records it first
        assertThat(personalRoutes()).filteredOn(r -> r.method() != HandlerType.GET && !r.path().equals("/api/exports"))
                .allSatisfy(r -> assertThat(r.operation().changes()).as(r.path()).isTrue());
    }

    @Test
    void with_the_trail_out_of_order_nothing_is_read_or_changed() {
        String before = state();
        long head = t.auditHead();
        t.server.locked(() -> {
            StoreBackdoor.execute(t.ws.store(), "ALTER TABLE audit_entry RENAME TO audit_entry_gone");
            return null;
        });
        List<String> wrong = new ArrayList<>();
        try {
            TestServer.Response read = t.get(Role.ANALYST, "/api/entities/" + t.subject);
            assertThat(read.status()).as("%s", read).isEqualTo(503);
            assertThat(read.contentType()).startsWith("application/problem+json");
            assertThat(read.body()).doesNotContain("Anna", "Kowalski", "S:A");
            for (ApiRoute r : personalRoutes()) {
                TestServer.Response res = t.send(request(r, allowed(r)));
                if (res.status() != 503 || res.body().contains("Kowalski") || res.body().contains("Boris")) {
                    wrong.add(r.method() + " " + r.path() + ": " + res);
                }
            }
            TestServer.Response subject = t.post(Role.ANALYST, "/api/cases/" + t.caseId + "/subjects",
                    "{\"entity\":\"S:C\",\"reason\":\"while the trail is down\"}");
            assertThat(subject.status()).isEqualTo(503);
        } finally {
            t.server.locked(() -> {
                StoreBackdoor.execute(t.ws.store(), "ALTER TABLE audit_entry_gone RENAME TO audit_entry");
                return null;
            });
        }
        assertThat(wrong).isEmpty();
        assertThat(state()).as("nothing changed").isEqualTo(before);
        assertThat(t.auditAfter(head)).isEmpty();
        // back in order: reads answer, and the chain is whole
        assertThat(t.get(Role.ANALYST, "/api/entities/" + t.subject).status()).isEqualTo(200);
        JsonNode verify = t.get(Role.AUDITOR, "/api/audit/verify").json();
        assertThat(verify.path("ok").asBoolean()).as("%s", verify).isTrue();
    }

    /** What the change routes could change: subjects, watches, decisions, the lead's and the alert's status. */
    private static String state() {
        return t.server.locked(() -> t.ws.store().cases().subjectEntities(t.caseId) + " "
                + t.ws.store().watches().ofCase(t.caseId).size() + " " + t.ws.store().decisions().size() + " "
                + t.ws.store().leads().get(t.leadId).orElseThrow().status() + " "
                + t.ws.store().alerts().get(t.alertId).orElseThrow().status());
    }
}

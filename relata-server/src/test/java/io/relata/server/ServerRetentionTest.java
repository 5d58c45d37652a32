package io.relata.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.app.access.Role;
import io.relata.core.model.RecordKey;
import io.relata.store.StoreTraces;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention through the running server: the preview, a hold set on the case, the run on the server's own workspace
 * (memory and store in step), the history of runs, and a request that is refused before anything is audited.
 */
class ServerRetentionTest {
    @TempDir
    Path dir;
    TestServer t;

    @BeforeEach
    void start() throws Exception {
        t = new TestServer(dir);
        assertThat(t.send(t.as(Role.ADMIN, "/api/sources/S").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"retention_days\":30}")).build()).status()).isEqualTo(204);
        StoreTraces.loadedAt(dir.resolve("store").toString(), "S", Instant.now().minus(40, ChronoUnit.DAYS));
    }

    @AfterEach
    void stop() {
        t.close();
    }

    private TestServer.Response send(Role role, String method, String path, String body) {
        return t.send(t.as(role, path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void a_run_on_the_server_removes_expired_records_from_store_and_memory_and_a_hold_keeps_the_cases_subject() {
        TestServer.Response hold = send(Role.SUPERVISOR, "PUT", "/api/cases/" + t.caseId + "/legal-hold", "{\"reason\":\"subpoena 7\"}");
        assertThat(hold.status()).as("%s", hold).isEqualTo(200);
        assertThat(hold.json().path("legal_hold").asBoolean()).isTrue();
        assertThat(hold.json().path("held_by").asText()).isEqualTo("supervisor");
        JsonNode holds = t.get(Role.PRIVACY_OFFICER, "/api/legal-holds").json();
        assertThat(holds.path("items").get(0).path("reason").asText()).isEqualTo("subpoena 7");

        JsonNode preview = t.get(Role.PRIVACY_OFFICER, "/api/retention").json();
        assertThat(preview.path("dry_run").asBoolean()).isTrue();
        assertThat(preview.path("removed").asInt()).as("%s", preview).isEqualTo(2);
        assertThat(preview.path("held").asInt()).isEqualTo(1);
        assertThat(preview.has("records")).as("counts only").isFalse();
        assertThat(t.get(Role.ADMIN, "/api/retention").status()).isEqualTo(200);

        assertThat(send(Role.ADMIN, "POST", "/api/retention/runs", "{\"confirm\":true}").status()).isEqualTo(403);
        assertThat(send(Role.PRIVACY_OFFICER, "POST", "/api/retention/runs", "{}").status()).isEqualTo(400);
        long head = t.auditHead();
        String later = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();
        TestServer.Response early = send(Role.PRIVACY_OFFICER, "POST", "/api/retention/runs", "{\"confirm\":true,\"as_of\":\"" + later + "\"}");
        assertThat(early.status()).as("%s", early).isEqualTo(400);
        assertThat(early.json().path("detail").asText()).contains("dry run");
        assertThat(t.auditHead()).as("a refused run leaves no entry").isEqualTo(head);

        TestServer.Response run = send(Role.PRIVACY_OFFICER, "POST", "/api/retention/runs", "{\"confirm\":true}");
        assertThat(run.status()).as("%s", run).isEqualTo(200);
        assertThat(run.json().path("removed").asInt()).isEqualTo(2);
        assertThat(run.json().path("entities_retired").asInt()).isEqualTo(2);
        var entry = t.auditAfter(head).get(0);
        assertThat(entry.action()).isEqualTo("retention.run");
        assertThat(entry.objects()).containsExactly("retention:run", "record:S:B", "record:S:C");
        assertThat(t.server.locked(() -> t.ws.resolver().contains(new RecordKey("S", "B")))).isFalse();
        assertThat(t.server.locked(() -> t.ws.store().record(new RecordKey("S", "C")).isPresent())).isFalse();
        assertThat(t.server.locked(() -> t.ws.resolver().contains(new RecordKey("S", "A")))).as("held").isTrue();
        assertThat(t.get(Role.SUPERVISOR, "/api/search?name=Boris+Ivanov").body()).doesNotContain("S:B");

        JsonNode runs = t.get(Role.AUDITOR, "/api/retention/runs").json();
        // newest first; the administrator's refused attempt is in the history too
        assertThat(runs.path("items")).extracting(i -> i.path("outcome").asText()).containsExactly("ALLOWED", "DENIED");
        assertThat(runs.path("items").get(0).path("detail").asText()).contains("2 removed, 3 expired, 1 kept under legal hold");
        assertThat(runs.path("items").get(0).path("actor").asText()).isEqualTo("privacy.officer");

        TestServer.Response release = send(Role.PRIVACY_OFFICER, "DELETE", "/api/cases/" + t.caseId + "/legal-hold?reason=closed", "");
        assertThat(release.status()).as("%s", release).isEqualTo(200);
        assertThat(release.json().path("legal_hold").asBoolean()).isFalse();
        assertThat(send(Role.PRIVACY_OFFICER, "DELETE", "/api/cases/" + t.caseId + "/legal-hold", "").status()).isEqualTo(409);
        assertThat(t.get(Role.PRIVACY_OFFICER, "/api/retention").json().path("removed").asInt()).isEqualTo(1);
        assertThat(send(Role.SUPERVISOR, "PUT", "/api/cases/999999/legal-hold", "{\"reason\":\"x\"}").status()).isEqualTo(404);
        assertThat(send(Role.SUPERVISOR, "PUT", "/api/cases/" + t.caseId + "/legal-hold", "{}").status()).isEqualTo(400);
        assertThat(t.get(Role.PRIVACY_OFFICER, "/api/retention?as_of=tomorrow").status()).isEqualTo(400);
    }
}

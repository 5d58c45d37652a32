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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in over HTTP as a browser does: the real session cookie and its attributes, CSRF tokens on changes,
 * signing out, lockout after wrong passwords (audited), and API tokens that work until revoked.
 */
class ServerSessionTest {
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

    /** What a browser holds after signing in: the cookie's value and attributes, and the CSRF token from the body. */
    record SignedIn(String cookie, String setCookie, String csrf) {}

    private static SignedIn signIn(String base, String username, String password, String forwardedProto) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/session")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"));
        if (forwardedProto != null) b.header("X-Forwarded-Proto", forwardedProto);
        HttpResponse<String> r = send(b.build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String setCookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(Calls.SESSION_COOKIE + "="))
                .findFirst().orElseThrow();
        String value = setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
        return new SignedIn(value, setCookie, json(r.body()).path("csrf_token").asText());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return TestServer.JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(body, e);
        }
    }

    /** A request carrying only the session cookie (no Authorization), as a browser sends it. */
    private static HttpRequest.Builder browser(SignedIn s, String path) {
        return HttpRequest.newBuilder(URI.create(t.base + path)).header("Cookie", Calls.SESSION_COOKIE + "=" + s.cookie())
                .header("X-Relata-Case", Long.toString(t.caseId)).header("X-Relata-Purpose", "investigation 42");
    }

    private static HttpRequest post(HttpRequest.Builder b, String json) {
        return b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static List<String> attributes(String setCookie) {
        return List.of(setCookie.toLowerCase().split(";\\s*"));
    }

    @Test
    void the_session_cookie_is_http_only_strict_and_secure_over_tls() {
        SignedIn plain = signIn(t.base, "analyst", TestServer.PASSWORD, null);
        assertThat(attributes(plain.setCookie())).contains("httponly", "samesite=strict", "path=/").doesNotContain("secure");
        assertThat(plain.cookie()).hasSizeGreaterThan(30);
        assertThat(plain.csrf()).hasSizeGreaterThan(30).isNotEqualTo(plain.cookie());
        // behind a proxy that ended TLS
        SignedIn proxied = signIn(t.base, "analyst", TestServer.PASSWORD, "https");
        assertThat(attributes(proxied.setCookie())).contains("secure", "httponly", "samesite=strict");
        // a server told to always mark it Secure
        try (RelataServer always = new RelataServer(ServerConfig.defaults().withPort(0).withUploadDir(dir.resolve("always"))
                .withSecureCookies(ServerConfig.SecureCookies.ALWAYS), t.ws, t.audit, Clock.systemUTC())) {
            String base = "http://127.0.0.1:" + always.start();
            assertThat(attributes(signIn(base, "analyst", TestServer.PASSWORD, null).setCookie())).contains("secure", "httponly");
        }
        // the cookie signs in a browser
        HttpResponse<String> me = send(browser(plain, "/api/me").GET().build());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me.body()).path("username").asText()).isEqualTo("analyst");
    }

    @Test
    void a_change_with_the_cookie_needs_the_csrf_token() {
        SignedIn s = signIn(t.base, "analyst", TestServer.PASSWORD, null);
        String body = "{\"name\":\"csrf " + System.nanoTime() + "\"}";
        HttpResponse<String> without = send(post(browser(s, "/api/cases"), body));
        assertThat(without.statusCode()).as(without.body()).isEqualTo(403);
        assertThat(without.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(without.body()).path("detail").asText()).contains(Calls.CSRF_HEADER);
        HttpResponse<String> wrong = send(post(browser(s, "/api/cases").header(Calls.CSRF_HEADER, "not-the-token"), body));
        assertThat(wrong.statusCode()).isEqualTo(403);
        HttpResponse<String> another = send(post(browser(s, "/api/cases")
                .header(Calls.CSRF_HEADER, signIn(t.base, "analyst", TestServer.PASSWORD, null).csrf()), body));
        assertThat(another.statusCode()).as("another session's token").isEqualTo(403);
        HttpResponse<String> with = send(post(browser(s, "/api/cases").header(Calls.CSRF_HEADER, s.csrf()), body));
        assertThat(with.statusCode()).as(with.body()).isEqualTo(201);
        // reads need none
        assertThat(send(browser(s, "/api/cases").GET().build()).statusCode()).isEqualTo(200);
        // a page that lost its token (a reload) can sign in again while the old cookie lingers
        HttpResponse<String> again = send(post(browser(s, "/api/session"),
                "{\"username\":\"analyst\",\"password\":\"" + TestServer.PASSWORD + "\"}"));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    }

    @Test
    void signing_out_ends_the_session() {
        SignedIn s = signIn(t.base, "supervisor", TestServer.PASSWORD, null);
        assertThat(send(browser(s, "/api/me").GET().build()).statusCode()).isEqualTo(200);
        HttpResponse<String> noToken = send(browser(s, "/api/session").DELETE().build());
        assertThat(noToken.statusCode()).as("signing out is a change too").isEqualTo(403);
        HttpResponse<String> out = send(browser(s, "/api/session").header(Calls.CSRF_HEADER, s.csrf()).DELETE().build());
        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(out.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith(Calls.SESSION_COOKIE + "="));
        HttpResponse<String> after = send(browser(s, "/api/me").GET().build());
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(actions("user:supervisor")).contains("supervisor auth.logout ALLOWED");
    }

    @Test
    void five_wrong_passwords_lock_the_account_with_the_same_answer_and_the_audit_says_so() {
        t.server.locked(() -> new Accounts(t.ws.store(), t.audit::append).createUser("locky", "Locky", Set.of(Role.ANALYST),
                TestServer.PASSWORD.toCharArray(), null, "setup"));
        String generic = null;
        for (int i = 0; i < Accounts.MAX_FAILED_LOGINS; i++) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(t.base + "/api/session"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"locky\",\"password\":\"wrong password " + i + "\"}")).build());
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            String detail = json(r.body()).path("detail").asText();
            if (generic == null) generic = detail;
            assertThat(detail).isEqualTo(generic).doesNotContain("wrong password " + i); // one answer for every failure
        }
        // locked: the right password is refused with the same words, and so is a name nobody has
        HttpResponse<String> right = send(HttpRequest.newBuilder(URI.create(t.base + "/api/session")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"locky\",\"password\":\"" + TestServer.PASSWORD + "\"}")).build());
        assertThat(right.statusCode()).isEqualTo(401);
        assertThat(json(right.body()).path("detail").asText()).isEqualTo(generic);
        HttpResponse<String> nobody = send(HttpRequest.newBuilder(URI.create(t.base + "/api/session")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"nobody\",\"password\":\"whatever it is\"}")).build());
        assertThat(json(nobody.body()).path("detail").asText()).isEqualTo(generic);

        List<String> trail = actions("user:locky");
        assertThat(trail.stream().filter(a -> a.equals("anonymous auth.login.failed FAILED"))).hasSize(Accounts.MAX_FAILED_LOGINS + 1);
        assertThat(trail).contains("system auth.locked ALLOWED");
        List<AuditEntry> failures = t.server.locked(() -> t.audit.whoLookedAt("user:locky", java.time.Instant.EPOCH,
                java.time.Instant.now().plusSeconds(5), 100, 0));
        assertThat(failures).filteredOn(e -> e.action().equals("auth.login.failed")).last()
                .satisfies(e -> assertThat(e.detail()).contains("locked until"));
        assertThat(failures).allSatisfy(e -> assertThat(e.detail() == null ? "" : e.detail()).doesNotContain("wrong password 1"));
    }

    @Test
    void an_api_token_works_until_it_is_revoked() {
        HttpResponse<String> issued = send(t.as(Role.ANALYST, "/api/tokens").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"nightly report\"}")).build());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        JsonNode token = json(issued.body());
        String secret = token.path("token").asText();
        long id = token.path("id").asLong();
        assertThat(secret).startsWith(Accounts.API_TOKEN_PREFIX);
        HttpRequest me = HttpRequest.newBuilder(URI.create(t.base + "/api/me")).header("Authorization", "Bearer " + secret).GET().build();
        assertThat(send(me).statusCode()).isEqualTo(200);
        // listed without the secret
        String listed = send(HttpRequest.newBuilder(URI.create(t.base + "/api/tokens")).header("Authorization", "Bearer " + secret)
                .GET().build()).body();
        assertThat(listed).contains("nightly report").doesNotContain(secret);
        // nobody revokes a token of someone else's
        assertThat(send(t.as(Role.SUPERVISOR, "/api/tokens/" + id).DELETE().build()).statusCode()).isEqualTo(404);
        assertThat(send(me).statusCode()).isEqualTo(200);
        HttpResponse<String> revoked = send(HttpRequest.newBuilder(URI.create(t.base + "/api/tokens/" + id))
                .header("Authorization", "Bearer " + secret).DELETE().build());
        assertThat(revoked.statusCode()).isEqualTo(204);
        HttpResponse<String> after = send(me);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(send(HttpRequest.newBuilder(URI.create(t.base + "/api/me")).header("Authorization", "Bearer rlt_made_up").GET().build())
                .statusCode()).isEqualTo(401);
        assertThat(send(HttpRequest.newBuilder(URI.create(t.base + "/api/me")).header("Authorization", "Basic YTpi").GET().build())
                .statusCode()).isEqualTo(401);
        assertThat(actions("token:" + id)).containsExactly("analyst auth.token.created ALLOWED", "analyst auth.token.revoked ALLOWED");
    }

    private static List<String> actions(String object) {
        return t.server.locked(() -> t.audit.whoLookedAt(object, java.time.Instant.EPOCH, java.time.Instant.now().plusSeconds(5), 1000, 0))
                .stream().map(e -> e.actor() + " " + e.action() + " " + e.outcome()).toList();
    }
}

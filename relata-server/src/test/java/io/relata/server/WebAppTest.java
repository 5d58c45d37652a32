package io.relata.server;

import io.relata.app.access.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web application as the server serves it: the page and its modules from the class path, Cytoscape.js copied
 * in by the build (never from elsewhere), a policy that keeps the page to this server, and the API beside it.
 */
class WebAppTest {
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

    private HttpResponse<String> get(String path) throws Exception {
        return t.http.send(HttpRequest.newBuilder(URI.create(t.base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_page_is_served_at_the_root_with_a_same_origin_policy() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
                .startsWith("default-src 'self'").contains("script-src 'self'").contains("style-src 'self'")
                .contains("frame-ancestors 'none'");
        assertThat(page.body()).contains("<script type=\"module\" src=\"js/app.js\"></script>");
        // nothing the page names lives on another host
        Matcher url = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
        while (url.find()) assertThat(url.group(1)).doesNotContain("//");
    }

    @Test
    void every_module_and_the_bundled_cytoscape_are_served_as_javascript() throws Exception {
        for (String path : new String[] {"/js/app.js", "/js/api.js", "/js/views/graph.js", "/vendor/cytoscape/cytoscape.esm.min.mjs"}) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/javascript");
            // our modules name no other host (Cytoscape's licence comments name a few pages, which nothing loads)
            if (path.startsWith("/js/")) assertThat(r.body()).as(path).doesNotContain("http://").doesNotContain("https://");
        }
        assertThat(get("/vendor/cytoscape/package.json").body()).contains("\"version\": \"3.34.");
        assertThat(get("/css/app.css").headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
    }

    @Test
    void the_api_stays_under_api_and_an_unknown_path_is_a_problem_not_the_page() throws Exception {
        assertThat(t.get(Role.ANALYST, "/api/me").json().path("username").asText()).isEqualTo("analyst");
        HttpResponse<String> missing = get("/no-such-page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }
}

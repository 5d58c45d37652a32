package io.relata.server;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;

/**
 * The analyst web application: static files from the class path ({@code /web}, with Cytoscape.js copied in by the
 * build under {@code /web/vendor}), served at {@code /} next to the API. Every response carries a Content-Security-
 * Policy that lets the page load and call nothing but this server: no other host, no inline script or style.
 */
final class WebApp {
    /** Everything from this origin only; images also as data or blob URLs (a picture of the graph to save). */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private WebApp() {}

    static void configure(JavalinConfig config) {
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = "/web";
            files.location = Location.CLASSPATH;
            files.mimeTypes.add("text/javascript", "mjs");
        });
    }

    /** Headers for every response, the API's included. */
    static void secure(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
    }
}

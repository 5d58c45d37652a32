package io.relata.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.relata.app.access.AccessContext;
import io.relata.app.access.Accounts;
import io.relata.app.access.User;

import java.io.IOException;
import java.util.Optional;

/**
 * What a request says about itself, read strictly: who is calling (an API token, or a browser session whose
 * state-changing requests must carry its CSRF token), for which case and purpose, and its parameters and body.
 * Anything malformed is a 400 with the parameter's name; nothing here throws a 500.
 */
final class Calls {
    static final String SESSION_COOKIE = "relata_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String CASE_HEADER = "X-Relata-Case";
    static final String PURPOSE_HEADER = "X-Relata-Purpose";
    private static final String USER = "relata.user";
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Accounts accounts;
    private final long maxJsonBytes;

    Calls(Accounts accounts, long maxJsonBytes) {
        this.accounts = accounts;
        this.maxJsonBytes = maxJsonBytes;
    }

    /** Before every request: who is calling, if anyone; a cookie-signed change must carry the session's CSRF token. */
    void authenticate(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth != null) {
            if (!auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new ProblemException(401, "Unauthorized", "the Authorization header takes an API token: Bearer <token>");
            }
            User user = accounts.authenticateToken(auth.substring(7).strip())
                    .orElseThrow(() -> new ProblemException(401, "Unauthorized", "the API token is unknown, revoked or expired"));
            ctx.attribute(USER, user);
            return;
        }
        String session = ctx.cookie(SESSION_COOKIE);
        if (session == null) return;
        Optional<User> user = accounts.session(session);
        if (user.isEmpty()) return; // an expired session is as good as none: routes that need one say so
        boolean changes = ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD && ctx.method() != HandlerType.OPTIONS;
        if (changes && !accounts.checkCsrf(session, ctx.header(CSRF_HEADER))) {
            throw new ProblemException(403, "Forbidden", "a change made with a browser session needs its CSRF token in " + CSRF_HEADER);
        }
        ctx.attribute(USER, user.get());
    }

    static User user(Context ctx) {
        return ctx.attribute(USER);
    }

    static User signedIn(Context ctx) {
        User u = user(ctx);
        if (u == null) throw new ProblemException(401, "Unauthorized", "sign in first");
        return u;
    }

    /** The caller with the case and purpose the request declares (headers, or query parameters for links). */
    static AccessContext access(Context ctx) {
        String caseText = first(ctx.header(CASE_HEADER), ctx.queryParam("case"));
        Long caseId = null;
        if (caseText != null && !caseText.isBlank()) {
            try {
                caseId = Long.parseLong(caseText.strip());
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest("the case (" + CASE_HEADER + ") must be a case id, not '" + caseText + "'");
            }
        }
        String purpose = first(ctx.header(PURPOSE_HEADER), ctx.queryParam("purpose"));
        if (purpose != null && purpose.length() > 500) throw ProblemException.badRequest("the purpose is longer than 500 characters");
        return new AccessContext(user(ctx), caseId, purpose, ctx.ip());
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    static long pathId(Context ctx, String name) {
        String v = ctx.pathParam(name);
        try {
            long id = Long.parseLong(v);
            if (id < 1) throw new NumberFormatException();
            return id;
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name + " must be a positive whole number, not '" + v + "'");
        }
    }

    static int intQuery(Context ctx, String name, int def, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return def;
        try {
            int n = Integer.parseInt(v.strip());
            if (n < min || n > max) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name + " must be a whole number from " + min + " to " + max + ", not '" + v + "'");
        }
    }

    static double doubleQuery(Context ctx, String name, double def, double min, double max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return def;
        try {
            double d = Double.parseDouble(v.strip());
            if (!(d >= min && d <= max)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name + " must be a number from " + min + " to " + max + ", not '" + v + "'");
        }
    }

    static String requiredQuery(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) throw ProblemException.badRequest("the query parameter '" + name + "' is required");
        if (v.length() > 1000) throw ProblemException.badRequest(name + " is longer than 1000 characters");
        return v.strip();
    }

    static String optionalQuery(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return null;
        if (v.length() > 1000) throw ProblemException.badRequest(name + " is longer than 1000 characters");
        return v.strip();
    }

    /** The request body as a JSON object, within the size limit. */
    JsonNode body(Context ctx) {
        if (ctx.contentLength() > maxJsonBytes) {
            throw new ProblemException(413, "Content too large", "a JSON body may hold at most " + maxJsonBytes + " bytes");
        }
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ProblemException(415, "Unsupported media type", "send the body as application/json");
        }
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > maxJsonBytes) {
            throw new ProblemException(413, "Content too large", "a JSON body may hold at most " + maxJsonBytes + " bytes");
        }
        try {
            JsonNode n = JSON.readTree(bytes);
            if (n == null || !n.isObject()) throw ProblemException.badRequest("the body must be a JSON object");
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ProblemException.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ProblemException.badRequest("the body cannot be read: " + e.getMessage());
        }
    }

    static String text(JsonNode body, String field, boolean required, int maxLength) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            if (required) throw ProblemException.badRequest("the body needs '" + field + "'");
            return null;
        }
        if (!v.isTextual()) throw ProblemException.badRequest("'" + field + "' must be a string");
        String s = v.asText().strip();
        if (required && s.isEmpty()) throw ProblemException.badRequest("'" + field + "' cannot be empty");
        if (s.length() > maxLength) throw ProblemException.badRequest("'" + field + "' is longer than " + maxLength + " characters");
        return s;
    }
}

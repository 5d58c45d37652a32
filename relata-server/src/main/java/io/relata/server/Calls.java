package io.relata.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.relata.app.access.AccessContext;
import io.relata.app.access.Accounts;
import io.relata.app.access.User;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
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
    /** Strict JSON: nothing after the value, no key twice (which of two would count is anyone's guess). */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    /** The furthest a list may be paged into. */
    static final int MAX_OFFSET = 100_000_000;

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
        // signing in is not a change made with the session: a page that lost its CSRF token (a reload) must be able
        // to sign in again while the old cookie lingers, and SameSite=Strict keeps other sites' forms out anyway
        if (ctx.method() == HandlerType.POST && ctx.path().equals(SessionApi.PATH)) return;
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
        if (purpose != null) checkCharacters("the purpose", purpose);
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
        String v = optionalQuery(ctx, name);
        if (v == null) throw ProblemException.badRequest("the query parameter '" + name + "' is required");
        return v;
    }

    static String optionalQuery(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return null;
        if (v.length() > 1000) throw ProblemException.badRequest(name + " is longer than 1000 characters");
        checkCharacters(name, v);
        return v.strip();
    }

    /** Which page of a list a request asks for. */
    record Page(int limit, int offset) {
        /** The items of {@code all} on this page. */
        <T> List<T> of(List<T> all) {
            if (offset >= all.size()) return List.of();
            return all.subList(offset, (int) Math.min(all.size(), (long) offset + limit));
        }

        /** Whether {@code all} goes on after this page. */
        boolean more(List<?> all) {
            return (long) offset + limit < all.size();
        }
    }

    /** {@code limit} (1 to {@code max}, default {@code def}) and {@code offset} (0 or more), the same on every list. */
    static Page page(Context ctx, int def, int max) {
        return new Page(intQuery(ctx, "limit", def, 1, max), intQuery(ctx, "offset", 0, 0, MAX_OFFSET));
    }

    /** How a list route documents its paging. */
    static List<ApiRoute.Param> pageParams(int def, int max) {
        return List.of(ApiRoute.Param.optional("limit", "at most this many items (1-" + max + ", default " + def + ")"),
                ApiRoute.Param.optional("offset", "skip this many items (the answer's next_offset is the next page's)"));
    }

    /**
     * Text a person typed may hold any script, but no control character other than tab, line feed and carriage
     * return, and no lone surrogate: such text cannot be stored as it was sent on every database (PostgreSQL refuses
     * NUL) and is never what a person meant.
     */
    static void checkCharacters(String what, String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F) {
                throw ProblemException.badRequest(what + " holds a control character (U+"
                        + String.format(Locale.ROOT, "%04X", (int) c) + ") at position " + i);
            }
            if (Character.isHighSurrogate(c) && (i + 1 == v.length() || !Character.isLowSurrogate(v.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(v.charAt(i - 1)))) {
                throw ProblemException.badRequest(what + " holds a lone surrogate at position " + i + ": send UTF-8 text");
            }
        }
    }

    /** The request body as a JSON object, within the size limit. */
    JsonNode body(Context ctx) {
        if (ctx.contentLength() > maxJsonBytes) throw tooLarge();
        if (!mediaType(ctx).equals("application/json")) {
            throw new ProblemException(415, "Unsupported media type", "send the body as application/json");
        }
        byte[] bytes = read(ctx);
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

    /** The body's bytes, reading no more than the limit allows: a body sent without a length is cut off there. */
    private byte[] read(Context ctx) {
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxJsonBytes + 1));
            if (bytes.length > maxJsonBytes) throw tooLarge();
            return bytes;
        } catch (IOException e) {
            throw ProblemException.badRequest("the body cannot be read: " + e.getMessage());
        }
    }

    private ProblemException tooLarge() {
        return new ProblemException(413, "Content too large", "a JSON body may hold at most " + maxJsonBytes + " bytes");
    }

    /** The request's media type without parameters, in lower case; empty when none is given. */
    static String mediaType(Context ctx) {
        String type = ctx.contentType();
        if (type == null) return "";
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    static String text(JsonNode body, String field, boolean required, int maxLength) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            if (required) throw ProblemException.badRequest("the body needs '" + field + "'");
            return null;
        }
        if (!v.isTextual()) throw ProblemException.badRequest("'" + field + "' must be a string");
        checkCharacters("'" + field + "'", v.asText());
        String s = v.asText().strip();
        if (required && s.isEmpty()) throw ProblemException.badRequest("'" + field + "' cannot be empty");
        if (s.length() > maxLength) throw ProblemException.badRequest("'" + field + "' is longer than " + maxLength + " characters");
        return s;
    }
}

package io.relata.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import io.relata.app.access.Accounts;
import io.relata.app.access.ApiToken;
import io.relata.app.access.IssuedApiToken;
import io.relata.app.access.Session;
import io.relata.app.access.User;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * Signing in and out with a browser session (an HttpOnly, SameSite=Strict cookie, Secure over TLS, with a CSRF
 * token for the page to send back on every change), who is signed in, and API tokens for programs. Sign-ins,
 * failures and lockouts are audited by the accounts themselves.
 */
final class SessionApi {
    static final String PATH = "/api/session";
    private final Accounts accounts;
    private final Calls calls;
    private final ServerConfig config;

    SessionApi(Accounts accounts, Calls calls, ServerConfig config) {
        this.accounts = accounts;
        this.calls = calls;
        this.config = config;
    }

    List<ApiRoute> routes() {
        return List.of(
                new ApiRoute(HandlerType.POST, PATH, "Sign in with a user name and password; sets the session cookie",
                        null, List.of(), "{username, password}", false, this::signIn),
                new ApiRoute(HandlerType.DELETE, PATH, "Sign out", null, List.of(), null, true, this::signOut),
                ApiRoute.get("/api/me", "Who is signed in: roles, permissions, clearances, privacy training", null, List.of(),
                        this::me),
                ApiRoute.post("/api/tokens", "Issue an API token for the signed-in user (shown once)", null,
                        "{name, expires: YYYY-MM-DD (optional)}", this::token),
                ApiRoute.get("/api/tokens", "Your API tokens (never the tokens themselves), revoked and expired ones too",
                        null, Calls.pageParams(100, 500), this::tokens),
                ApiRoute.delete("/api/tokens/{id}", "Revoke one of your API tokens for good", null, this::revoke));
    }

    private void signIn(Context ctx) {
        JsonNode body = calls.body(ctx);
        String username = Calls.text(body, "username", true, 64);
        String password = Calls.text(body, "password", true, Accounts.MAX_PASSWORD_LENGTH);
        char[] secret = password.toCharArray();
        User user;
        try {
            user = accounts.authenticate(username, secret, ctx.ip());
        } finally {
            Arrays.fill(secret, '\0');
        }
        Session s = accounts.openSession(user, ctx.ip());
        Cookie cookie = new Cookie(Calls.SESSION_COOKIE, s.token(), "/", -1, false, true, null, SameSite.STRICT);
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.STRICT);
        cookie.setPath("/");
        cookie.setSecure(secure(ctx));
        ctx.cookie(cookie);
        ObjectNode out = me(user);
        out.put("csrf_token", s.csrfToken()).put("expires_at", s.expiresAt().toString());
        ctx.json(out);
    }

    private boolean secure(Context ctx) {
        return switch (config.secureCookies()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> ctx.scheme().equals("https") || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        };
    }

    private void signOut(Context ctx) {
        Calls.signedIn(ctx);
        String session = ctx.cookie(Calls.SESSION_COOKIE);
        if (session != null) accounts.closeSession(session, ctx.ip());
        ctx.removeCookie(Calls.SESSION_COOKIE, "/");
        ctx.status(204);
    }

    private void me(Context ctx) {
        ctx.json(me(Calls.signedIn(ctx)));
    }

    static ObjectNode me(User u) {
        ObjectNode n = Views.JSON.createObjectNode().put("username", u.username()).put("display_name", u.displayName());
        ArrayNode roles = n.putArray("roles");
        u.roles().forEach(r -> roles.add(r.name()));
        ArrayNode permissions = n.putArray("permissions");
        u.permissions().forEach(p -> permissions.add(p.name()));
        ArrayNode clearances = n.putArray("clearances");
        u.clearances().forEach(clearances::add);
        if (u.organization() != null) n.put("organization", u.organization());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        n.put("training_valid", u.trainingValidOn(today));
        if (u.trainingValidUntil() != null) n.put("training_valid_until", u.trainingValidUntil().toString());
        return n;
    }

    private void tokens(Context ctx) {
        User user = Calls.signedIn(ctx);
        Calls.Page page = Calls.page(ctx, 100, 500);
        List<ApiToken> all = accounts.tokens(user.username());
        List<JsonNode> items = new java.util.ArrayList<>();
        Instant now = Instant.now();
        for (ApiToken t : page.of(all)) {
            ObjectNode n = Views.JSON.createObjectNode().put("id", t.id()).put("name", t.name())
                    .put("created_at", t.createdAt().toString()).put("active", t.activeAt(now));
            n.put("expires_at", t.expiresAt() == null ? null : t.expiresAt().toString());
            n.put("revoked_at", t.revokedAt() == null ? null : t.revokedAt().toString());
            n.put("last_used_at", t.lastUsedAt() == null ? null : t.lastUsedAt().toString());
            items.add(n);
        }
        ctx.json(Views.page(items, page, page.more(all)));
    }

    /** Only one's own: a token of someone else's is as unknown as one that does not exist. */
    private void revoke(Context ctx) {
        User user = Calls.signedIn(ctx);
        long id = Calls.pathId(ctx, "id");
        if (accounts.tokens(user.username()).stream().noneMatch(t -> t.id() == id)) {
            throw ProblemException.notFound("you have no API token " + id);
        }
        accounts.revokeToken(id, user.username());
        ctx.status(204);
    }

    private void token(Context ctx) {
        User user = Calls.signedIn(ctx);
        JsonNode body = calls.body(ctx);
        String name = Calls.text(body, "name", true, 100);
        String expires = Calls.text(body, "expires", false, 10);
        Instant expiresAt = null;
        if (expires != null) {
            try {
                expiresAt = LocalDate.parse(expires).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw ProblemException.badRequest("expires must be a date as YYYY-MM-DD, not '" + expires + "'");
            }
        }
        IssuedApiToken t = accounts.createApiToken(user, name, expiresAt, user.username());
        ctx.status(201).json(Views.JSON.createObjectNode().put("id", t.token().id()).put("name", name)
                .put("token", t.secret()).put("note", "shown once: keep it as you would a password"));
    }
}

package io.relata.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.relata.app.NotFoundException;
import io.relata.app.Workspace;
import io.relata.app.access.AccessContext;
import io.relata.app.access.Accounts;
import io.relata.app.access.Guard;
import io.relata.app.access.Operation;
import io.relata.app.access.Permission;
import io.relata.app.access.Role;
import io.relata.app.access.User;
import io.relata.store.SourceInfo;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Administration: users (roles, permissions, clearances, privacy training) and the source registry. */
final class AdminApi {
    private final Workspace ws;
    private final Accounts accounts;
    private final Guard guard;
    private final Calls calls;

    AdminApi(Workspace ws, Accounts accounts, Guard guard, Calls calls) {
        this.ws = ws;
        this.accounts = accounts;
        this.guard = guard;
        this.calls = calls;
    }

    List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/api/users", "The users, with roles, permissions, clearances and privacy training",
                        Operation.USER_LIST, Calls.pageParams(100, 500), this::users),
                ApiRoute.post("/api/users", "Create a user", Operation.USER_CREATE,
                        "{username, display_name, roles: [..], password, organization}", this::create),
                ApiRoute.put("/api/users/{username}", "Change a user's roles, permissions, clearances, training date or disable",
                        Operation.USER_UPDATE, "{roles, permissions, clearances, training_completed: YYYY-MM-DD, disabled}",
                        this::update),
                ApiRoute.get("/api/sources", "The registered source systems", Operation.SOURCE_LIST,
                        Calls.pageParams(100, 500), this::sources),
                ApiRoute.put("/api/sources/{code}", "Register a source or change its owner, purpose, country, retention, label",
                        Operation.SOURCE_UPDATE, "{name, owner, purpose, default_country, retention_days, access_label}",
                        this::putSource));
    }

    private void users(Context ctx) {
        Calls.Page page = Calls.page(ctx, 100, 500);
        AccessContext access = Calls.access(ctx);
        ObjectNode out = guard.run(access, Operation.USER_LIST, List.of(), List.of(), null, () -> {
            List<User> all = accounts.users();
            List<JsonNode> items = new ArrayList<>();
            for (User u : page.of(all)) items.add(SessionApi.me(u).put("disabled", u.disabled()));
            return Guard.Answer.of(Views.page(items, page, page.more(all)), items.size(), List.of());
        });
        ctx.json(out);
    }

    private void create(Context ctx) {
        JsonNode body = calls.body(ctx);
        String username = Calls.text(body, "username", true, 64);
        String display = Calls.text(body, "display_name", false, 200);
        String organization = Calls.text(body, "organization", false, 200);
        Set<Role> roles = enums(body, "roles", Role.class, true);
        String password = Calls.text(body, "password", true, Accounts.MAX_PASSWORD_LENGTH);
        AccessContext access = Calls.access(ctx);
        char[] secret = password.toCharArray();
        try {
            guard.run(access, Operation.USER_CREATE, List.of(), List.of("user:" + username), "roles=" + roles,
                    () -> Guard.Answer.of(accounts.createUser(username, display, roles, secret, organization, access.actor())));
        } finally {
            Arrays.fill(secret, '\0');
        }
        ctx.status(201).json(Views.JSON.createObjectNode().put("username", username));
    }

    private void update(Context ctx) {
        String username = ctx.pathParam("username");
        if (!username.matches("[a-z0-9._-]{2,64}")) {
            throw ProblemException.badRequest("a user name is 2 to 64 lower-case letters, digits, '.', '_' or '-'");
        }
        JsonNode body = calls.body(ctx);
        Set<Role> roles = body.has("roles") ? enums(body, "roles", Role.class, true) : null;
        Set<Permission> permissions = body.has("permissions") ? enums(body, "permissions", Permission.class, false) : null;
        Set<String> clearances = body.has("clearances") ? strings(body, "clearances") : null;
        String training = Calls.text(body, "training_completed", false, 10);
        LocalDate completed = null;
        if (training != null) {
            try {
                completed = LocalDate.parse(training);
            } catch (DateTimeParseException e) {
                throw ProblemException.badRequest("training_completed must be a date as YYYY-MM-DD, not '" + training + "'");
            }
        }
        JsonNode disabled = body.get("disabled");
        if (disabled != null && !disabled.isBoolean()) throw ProblemException.badRequest("'disabled' must be true or false");
        LocalDate trainingDate = completed;
        AccessContext access = Calls.access(ctx);
        List<String> changed = new java.util.ArrayList<>();
        body.fieldNames().forEachRemaining(changed::add);
        guard.run(access, Operation.USER_UPDATE, List.of(), List.of("user:" + username), "changed " + changed, () -> {
            accounts.user(username).orElseThrow(() -> new NotFoundException("no user " + username));
            if (roles != null) accounts.setRoles(username, roles, access.actor());
            if (permissions != null) accounts.setPermissions(username, permissions, access.actor());
            if (clearances != null) accounts.setClearances(username, clearances, access.actor());
            if (trainingDate != null) accounts.recordTraining(username, trainingDate, access.actor());
            if (disabled != null && disabled.asBoolean()) accounts.disable(username, access.actor());
            return Guard.Answer.of(null);
        });
        ctx.status(204);
    }

    private void sources(Context ctx) {
        Calls.Page page = Calls.page(ctx, 100, 500);
        AccessContext access = Calls.access(ctx);
        ObjectNode out = guard.run(access, Operation.SOURCE_LIST, List.of(), List.of(), null, () -> {
            List<SourceInfo> all = ws.store().sources();
            List<JsonNode> items = new ArrayList<>();
            for (SourceInfo s : page.of(all)) {
                items.add(Views.JSON.createObjectNode().put("code", s.code()).put("name", s.name()).put("owner", s.owner())
                        .put("purpose", s.purpose()).put("default_country", s.defaultCountry())
                        .put("retention_days", s.retentionDays()).put("access_label", s.accessLabel()));
            }
            return Guard.Answer.of(Views.page(items, page, page.more(all)), items.size(), List.of());
        });
        ctx.json(out);
    }

    private void putSource(Context ctx) {
        String code = ctx.pathParam("code");
        if (!code.matches("[A-Za-z0-9_.-]{1,64}")) throw ProblemException.badRequest("a source code is 1-64 letters, digits, '_', '.' or '-'");
        JsonNode body = calls.body(ctx);
        String country = Calls.text(body, "default_country", false, 2);
        if (country != null && !country.matches("[A-Za-z]{2}")) throw ProblemException.badRequest("default_country is an ISO alpha-2 code");
        JsonNode retention = body.get("retention_days");
        if (retention != null && !retention.isNull() && !(retention.isIntegralNumber() && retention.asInt() >= 0)) {
            throw ProblemException.badRequest("retention_days must be a whole number of days, 0 or more");
        }
        String label = Calls.text(body, "access_label", false, 40);
        if (label != null && !label.matches("[A-Z0-9_]{1,40}")) throw ProblemException.badRequest("an access label is upper-case letters, digits and '_'");
        SourceInfo s = new SourceInfo(code, Calls.text(body, "name", false, 200), Calls.text(body, "owner", false, 200),
                Calls.text(body, "purpose", false, 1000), country == null ? null : country.toUpperCase(java.util.Locale.ROOT),
                retention == null || retention.isNull() ? null : retention.asInt(), label);
        AccessContext access = Calls.access(ctx);
        guard.run(access, Operation.SOURCE_UPDATE, List.of(), List.of("source:" + code), body.toString(), () -> {
            ws.store().putSource(s);
            return Guard.Answer.of(null);
        });
        ctx.status(204);
    }

    private static <E extends Enum<E>> Set<E> enums(JsonNode body, String field, Class<E> type, boolean nonEmpty) {
        Set<E> out = EnumSet.noneOf(type);
        for (String s : strings(body, field)) out.add(CaseApi.parse(type, s));
        if (nonEmpty && out.isEmpty()) throw ProblemException.badRequest("'" + field + "' needs at least one of " + EnumSet.allOf(type));
        return out;
    }

    private static Set<String> strings(JsonNode body, String field) {
        JsonNode a = body.get(field);
        if (a == null || !a.isArray()) throw ProblemException.badRequest("'" + field + "' must be an array of strings");
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode x : a) {
            if (!x.isTextual() || x.asText().isBlank() || x.asText().length() > 64) {
                throw ProblemException.badRequest("'" + field + "' must hold short non-empty strings");
            }
            out.add(x.asText().strip());
        }
        return out;
    }
}

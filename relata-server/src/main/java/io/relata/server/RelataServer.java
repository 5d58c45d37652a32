package io.relata.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.relata.app.NotFoundException;
import io.relata.app.Workspace;
import io.relata.app.access.AccessDeniedException;
import io.relata.app.access.AccessPolicy;
import io.relata.app.access.Accounts;
import io.relata.app.access.AuthenticationException;
import io.relata.app.access.Guard;
import io.relata.app.audit.AuditTrail;
import io.relata.app.audit.AuditUnavailableException;
import io.relata.app.privacy.DisclosureRecipients;
import io.relata.app.privacy.DisseminationRecipients;
import io.relata.store.StoreConflictException;
import io.relata.store.StoreException;
import io.relata.store.StoreNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Relata over HTTP: a JSON API whose every route is a thin handler (read the request strictly, run a use case
 * through the {@link Guard}, render), plus health, readiness, Prometheus metrics and the OpenAPI document. The
 * store has one connection, so requests run one at a time, in arrival order (the measured latencies are in
 * docs/benchmarks.md). Logs carry the route template, status, time and user, never a query, body or secret.
 */
public final class RelataServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RelataServer.class);
    private static final String STARTED = "relata.started";
    private static final String ROUTE = "relata.route";

    private final ServerConfig config;
    private final Workspace ws;
    private final AuditTrail audit;
    private final Accounts accounts;
    private static final int SERVING_PAGE_CACHE_MB = 64;
    private final RequestLock lock = new RequestLock();
    private final Calls calls;
    private final Loads loads;
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<ApiRoute> routes = new ArrayList<>();
    private Javalin app;

    public RelataServer(ServerConfig config, Workspace ws, AuditTrail audit, Clock clock) {
        this(config, ws, audit, clock, new DisseminationRecipients(new io.relata.app.report.Reports(ws)));
    }

    /** {@code recipients}: who was sent which records' data, for corrections to list (the accounting of disclosures). */
    public RelataServer(ServerConfig config, Workspace ws, AuditTrail audit, Clock clock, DisclosureRecipients recipients) {
        this.config = config;
        this.ws = ws;
        this.audit = audit;
        this.accounts = new Accounts(ws.store(), audit::append, clock);
        Guard guard = new Guard(new AccessPolicy(ws.store(), clock), audit, clock);
        this.calls = new Calls(accounts, config.maxJsonBytes());
        this.loads = new Loads(ws, lock, guard::record, config.uploads(), config.maxUploadBytes(), clock);
        routes.addAll(new SessionApi(accounts, calls, config).routes());
        routes.addAll(new DataApi(ws, guard, calls).routes());
        routes.addAll(new GraphApi(ws, guard).routes());
        routes.addAll(new CaseApi(ws, guard, calls).routes());
        routes.addAll(new LeadApi(ws, guard, calls).routes());
        routes.addAll(new AdminApi(ws, accounts, guard, calls).routes());
        routes.addAll(new LoadApi(loads, guard, lock).routes());
        routes.addAll(new AuditApi(audit, guard).routes());
        routes.addAll(new ReportApi(ws, guard, calls).routes());
        routes.addAll(new PartnerApi(ws, guard).routes());
        routes.addAll(new RetentionApi(ws, guard, calls, clock).routes());
        routes.addAll(new PrivacyApi(ws, guard, calls, clock, recipients).routes());
        routes.add(new ApiRoute(HandlerType.GET, "/health", "Liveness: the process answers", null, List.of(), null, false,
                ctx -> ctx.json(Views.JSON.createObjectNode().put("status", "UP"))));
        routes.add(new ApiRoute(HandlerType.GET, "/ready", "Readiness: the store answers", null, List.of(), null, false,
                this::ready));
        routes.add(new ApiRoute(HandlerType.GET, "/metrics", "Prometheus metrics (no personal data)", null, List.of(), null,
                false, ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.scrape())));
        routes.add(new ApiRoute(HandlerType.GET, "/openapi.json", "This API's OpenAPI 3 document", null, List.of(), null,
                false, ctx -> ctx.json(OpenApiDocument.of(routes))));
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmGcMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
    }

    /** Runs {@code work} while no request or load batch uses the store: for tests in this package, between requests. */
    <T> T locked(java.util.function.Supplier<T> work) {
        return lock.call(work);
    }

    public List<ApiRoute> routes() {
        return List.copyOf(routes);
    }

    /** Starts listening; returns the port (useful with port 0). */
    public int start() {
        ws.graph(); // rebuild the engines before the first request, not during it
        // a load wants a large page cache; serving does not: every request commits an audit entry, and a large cache
        // keeps the pages each commit wrote until the collector promotes them (with a 1M-record store at 50 analysts,
        // 8 to 13 s of GC a minute; measured in docs/benchmarks.md)
        ws.store().pageCacheMegabytes(SERVING_PAGE_CACHE_MB);
        loads.open();
        app = Javalin.create(config -> {
            config.jetty.host = this.config.host();
            config.jetty.port = this.config.port();
            config.http.maxRequestSize = this.config.maxUploadBytes();
            config.startup.showJavalinBanner = false;
            config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
            WebApp.configure(config);
            config.routes.before(this::begin);
            for (ApiRoute r : routes) {
                // the caller is authenticated in the same turn of the lock as the handler runs: a request waits once
                Handler authenticated = ctx -> {
                    calls.authenticate(ctx);
                    r.handler().handle(ctx);
                };
                Handler run = r.serialized() ? lock.serialized(authenticated) : ctx -> {
                    lock.run(() -> calls.authenticate(ctx));
                    r.handler().handle(ctx);
                };
                Handler h = ctx -> {
                    ctx.attribute(ROUTE, r.path()); // the template, for logs and metrics: never the path with its ids
                    run.handle(ctx);
                };
                config.routes.addEndpoint(new io.javalin.router.Endpoint(r.method(), r.path(), h, java.util.Set.of()));
            }
            config.routes.after(this::end);
            config.routes.exception(ProblemException.class, (e, ctx) -> problem(ctx, e.status(), e.title(), e.getMessage()));
            config.routes.exception(AccessDeniedException.class, (e, ctx) -> denied(ctx, e));
            config.routes.exception(AuthenticationException.class, (e, ctx) -> problem(ctx, 401, "Unauthorized", e.getMessage()));
            config.routes.exception(NotFoundException.class, (e, ctx) -> problem(ctx, 404, "Not found", e.getMessage()));
            config.routes.exception(StoreNotFoundException.class, (e, ctx) -> problem(ctx, 404, "Not found", e.getMessage()));
            config.routes.exception(StoreConflictException.class, (e, ctx) -> problem(ctx, 409, "Conflict", e.getMessage()));
            config.routes.exception(IllegalArgumentException.class, (e, ctx) -> problem(ctx, 400, "Bad request", e.getMessage()));
            config.routes.exception(AuditUnavailableException.class, (e, ctx) -> {
                LOG.error("audit trail unavailable: request refused", e);
                problem(ctx, 503, "Service unavailable", "the audit trail cannot be written, so nothing can be read or changed");
            });
            config.routes.exception(StoreException.class, (e, ctx) -> {
                LOG.error("store failure", e);
                problem(ctx, 503, "Service unavailable", "the store cannot answer now");
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                String id = UUID.randomUUID().toString();
                LOG.error("unexpected failure {}", id, e);
                problem(ctx, 500, "Internal server error", "an unexpected failure; it is logged as " + id);
            });
            config.routes.error(404, ctx -> {
                if (ctx.attribute("relata.problem") == null) problem(ctx, 404, "Not found", "no such route: " + ctx.method() + " " + ctx.path());
            });
            config.routes.error(405, ctx -> {
                if (ctx.attribute("relata.problem") == null) problem(ctx, 405, "Method not allowed", ctx.method() + " is not allowed on " + ctx.path());
            });
        }).start();
        return app.port();
    }

    private void begin(Context ctx) {
        ctx.attribute(STARTED, System.nanoTime());
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "no-store");
        WebApp.secure(ctx);
    }

    private void end(Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started == null) return;
        long nanos = System.nanoTime() - started;
        String route = ctx.attribute(ROUTE) != null ? ctx.attribute(ROUTE) : "unmatched";
        Timer.builder("relata_http_requests").tag("method", ctx.method().name()).tag("route", route)
                .tag("status", Integer.toString(ctx.statusCode())).register(metrics).record(nanos, TimeUnit.NANOSECONDS);
        var user = Calls.user(ctx);
        LOG.info("{\"method\":\"{}\",\"route\":\"{}\",\"status\":{},\"ms\":{},\"user\":\"{}\"}", ctx.method().name(), route,
                ctx.statusCode(), String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e6), user == null ? "-" : user.username());
    }

    private void ready(Context ctx) {
        try {
            ws.store().counts();
            ctx.json(Views.JSON.createObjectNode().put("status", "READY"));
        } catch (RuntimeException e) {
            problem(ctx, 503, "Service unavailable", "the store does not answer");
        }
    }

    private static void denied(Context ctx, AccessDeniedException e) {
        switch (e.reason()) {
            case UNAUTHENTICATED -> problem(ctx, 401, "Unauthorized", e.getMessage());
            case PURPOSE_REQUIRED -> problem(ctx, 400, "Case and purpose required", e.getMessage());
            case NOT_IN_CASE, NOT_ADDRESSED -> problem(ctx, 404, "Not found", e.getMessage());
            default -> problem(ctx, 403, "Forbidden", e.getMessage());
        }
    }

    static void problem(Context ctx, int status, String title, String detail) {
        ObjectNode n = Views.JSON.createObjectNode().put("type", "about:blank").put("title", title).put("status", status)
                .put("detail", detail).put("instance", ctx.path());
        ctx.attribute("relata.problem", true);
        ctx.status(status).contentType("application/problem+json").result(n.toString());
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        if (app != null) app.stop();
        loads.close();
    }
}

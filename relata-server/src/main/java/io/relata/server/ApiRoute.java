package io.relata.server;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.relata.app.access.Operation;

import java.util.List;

/**
 * One route of the API, described once: the server registers it and the OpenAPI document is generated from the
 * same description, so the two cannot drift apart.
 *
 * @param operation  the guarded operation it runs (null for sign-in, operations and documentation routes)
 * @param query      the query parameters it reads
 * @param body       a short description of the body it takes, or null
 * @param bodyType   the media type of that body
 * @param signedIn   whether a signed-in caller is needed
 * @param serialized whether the server runs the handler under its request lock (all routes but an upload, which
 *                   receives its body without holding up other requests and takes the lock itself)
 */
public record ApiRoute(HandlerType method, String path, String summary, Operation operation, List<Param> query,
                       String body, String bodyType, boolean signedIn, boolean serialized, Handler handler) {
    static final String JSON = "application/json";

    public ApiRoute(HandlerType method, String path, String summary, Operation operation, List<Param> query,
                    String body, boolean signedIn, Handler handler) {
        this(method, path, summary, operation, query, body, JSON, signedIn, true, handler);
    }

    /** A query parameter: its name, whether it is required, and what it means. */
    public record Param(String name, boolean required, String description) {
        public static Param optional(String name, String description) {
            return new Param(name, false, description);
        }

        public static Param required(String name, String description) {
            return new Param(name, true, description);
        }
    }

    public static ApiRoute get(String path, String summary, Operation op, List<Param> query, Handler h) {
        return new ApiRoute(HandlerType.GET, path, summary, op, query, null, true, h);
    }

    public static ApiRoute post(String path, String summary, Operation op, String body, Handler h) {
        return new ApiRoute(HandlerType.POST, path, summary, op, List.of(), body, true, h);
    }

    public static ApiRoute put(String path, String summary, Operation op, String body, Handler h) {
        return new ApiRoute(HandlerType.PUT, path, summary, op, List.of(), body, true, h);
    }

    public static ApiRoute delete(String path, String summary, Operation op, Handler h) {
        return new ApiRoute(HandlerType.DELETE, path, summary, op, List.of(), null, true, h);
    }

    public ApiRoute open() {
        return new ApiRoute(method, path, summary, operation, query, body, bodyType, false, serialized, handler);
    }

    /** The same route reading these query parameters. */
    public ApiRoute withQuery(List<Param> params) {
        return new ApiRoute(method, path, summary, operation, params, body, bodyType, signedIn, serialized, handler);
    }

    /** The same route taking its body as {@code type} rather than JSON. */
    public ApiRoute withBodyType(String type) {
        return new ApiRoute(method, path, summary, operation, query, body, type, signedIn, serialized, handler);
    }

    /** The same route with a handler that takes the request lock itself, for what it does with the store. */
    public ApiRoute locksItself() {
        return new ApiRoute(method, path, summary, operation, query, body, bodyType, signedIn, false, handler);
    }
}

package io.relata.server;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.relata.app.access.Operation;

import java.util.List;

/**
 * One route of the API, described once: the server registers it and the OpenAPI document is generated from the
 * same description, so the two cannot drift apart.
 *
 * @param operation the guarded operation it runs (null for sign-in, operations and documentation routes)
 * @param query     the query parameters it reads
 * @param body      a short description of the JSON body it takes, or null
 * @param signedIn  whether a signed-in caller is needed
 */
public record ApiRoute(HandlerType method, String path, String summary, Operation operation, List<Param> query,
                       String body, boolean signedIn, Handler handler) {
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

    public ApiRoute open() {
        return new ApiRoute(method, path, summary, operation, query, body, false, handler);
    }
}

package io.relata.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The OpenAPI 3 document of the routes the server actually registers, built from their {@link ApiRoute}s. */
final class OpenApiDocument {
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");

    private OpenApiDocument() {}

    static ObjectNode of(List<ApiRoute> routes) {
        ObjectNode doc = Views.JSON.createObjectNode().put("openapi", "3.0.3");
        doc.putObject("info").put("title", "Relata API").put("version", "1")
                .put("description", "Every query for personal data names its case (X-Relata-Case) and purpose "
                        + "(X-Relata-Purpose) and is audited. Errors are application/problem+json. Every list takes "
                        + "limit and offset and answers {items, limit, offset, next_offset}, next_offset null on the "
                        + "last page.");
        ObjectNode components = doc.putObject("components");
        ObjectNode schemes = components.putObject("securitySchemes");
        schemes.putObject("session").put("type", "apiKey").put("in", "cookie").put("name", Calls.SESSION_COOKIE);
        schemes.putObject("token").put("type", "http").put("scheme", "bearer");
        ObjectNode problem = components.putObject("schemas").putObject("Problem").put("type", "object");
        ObjectNode props = problem.putObject("properties");
        for (String p : new String[] {"type", "title", "detail", "instance"}) props.putObject(p).put("type", "string");
        props.putObject("status").put("type", "integer");
        ObjectNode paths = doc.putObject("paths");
        for (ApiRoute r : routes) {
            ObjectNode path = paths.has(r.path()) ? (ObjectNode) paths.get(r.path()) : paths.putObject(r.path());
            ObjectNode op = path.putObject(r.method().name().toLowerCase(Locale.ROOT));
            op.put("summary", r.summary());
            if (r.operation() != null) op.put("operationId", r.operation().action() + "." + r.method().name().toLowerCase(Locale.ROOT));
            ArrayNode params = op.putArray("parameters");
            Matcher m = PATH_PARAM.matcher(r.path());
            while (m.find()) {
                params.addObject().put("name", m.group(1)).put("in", "path").put("required", true)
                        .putObject("schema").put("type", "string");
            }
            for (ApiRoute.Param p : r.query()) {
                params.addObject().put("name", p.name()).put("in", "query").put("required", p.required())
                        .put("description", p.description()).putObject("schema").put("type", "string");
            }
            if (r.operation() != null && r.operation().personal()) {
                params.addObject().put("name", Calls.CASE_HEADER).put("in", "header").put("required", false)
                        .put("description", "the case this request is for").putObject("schema").put("type", "integer");
                params.addObject().put("name", Calls.PURPOSE_HEADER).put("in", "header").put("required", true)
                        .put("description", "why you need this personal data").putObject("schema").put("type", "string");
            }
            if (r.body() != null) {
                op.putObject("requestBody").put("required", true).put("description", r.body())
                        .putObject("content").putObject(r.bodyType()).putObject("schema")
                        .put("type", r.bodyType().equals(ApiRoute.JSON) ? "object" : "string");
            }
            if (r.signedIn()) {
                ArrayNode security = op.putArray("security");
                security.addObject().putArray("session");
                security.addObject().putArray("token");
            }
            ObjectNode responses = op.putObject("responses");
            responses.putObject("200").put("description", "the answer (201 for a creation, 204 for a change with no body)");
            for (String code : new String[] {"400", "401", "403", "404", "409", "413", "415", "429", "503"}) {
                responses.putObject(code).put("description", "a problem").putObject("content")
                        .putObject("application/problem+json").putObject("schema").put("$ref", "#/components/schemas/Problem");
            }
        }
        return doc;
    }
}

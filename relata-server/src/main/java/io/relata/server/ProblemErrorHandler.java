package io.relata.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * What Jetty answers itself, before a request reaches a route (a malformed or ambiguous URI such as
 * {@code /../etc/passwd}, a request line it cannot parse), as {@code application/problem+json} like every other
 * error, never its HTML page. The detail never echoes the request.
 */
final class ProblemErrorHandler extends ErrorHandler {
    static final String TYPE = "application/problem+json";

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, TYPE);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body(code)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, TYPE);
        return ByteBuffer.wrap(body(status));
    }

    private static byte[] body(int code) {
        String title = HttpStatus.getMessage(code);
        ObjectNode n = Views.JSON.createObjectNode().put("type", "about:blank").put("title", title).put("status", code)
                .put("detail", code >= 500 ? "the server could not answer this request"
                        : "the request is malformed (" + title + "): check its URI, headers and encoding");
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }
}

package dev.rondo.dashboard.internal;

import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/** One request and its response: parameters, cookies, and the few ways a page answers. */
final class Exchange {

    final Request request;
    final Response response;
    final Callback callback;
    /** The context path the dashboard is mounted at ({@code ""} at the root); every link starts with it. */
    final String base;
    private Fields parameters;
    private final long startNanos = System.nanoTime();

    Exchange(Request request, Response response, Callback callback) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        String context = Request.getContextPath(request);
        this.base = context == null || context.equals("/") ? "" : context;
    }

    String path() {
        String path = Request.getPathInContext(request);
        return path == null || path.isEmpty() ? "/" : path;
    }

    String method() {
        return request.getMethod();
    }

    /** A query or form parameter, trimmed; null when absent or blank. */
    String param(String name) {
        if (parameters == null) {
            try {
                parameters = Request.getParameters(request);
            } catch (Exception e) {
                throw new BadRequest("The form could not be read: " + e.getMessage());
            }
        }
        String value = parameters.getValue(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A parameter kept exactly as sent (a JSON payload), null when absent. */
    String rawParam(String name) {
        param(name);
        return parameters.getValue(name);
    }

    String header(HttpHeader header) {
        return request.getHeaders().get(header);
    }

    String cookie(String name) {
        for (HttpCookie cookie : Request.getCookies(request)) {
            if (cookie.getName().equals(name)) {
                return cookie.getValue();
            }
        }
        return null;
    }

    void setCookie(String name, String value) {
        Response.addCookie(response, HttpCookie.build(name, value).path(base.isEmpty() ? "/" : base).httpOnly(true)
                .sameSite(HttpCookie.SameSite.STRICT).build());
    }

    void html(int status, String html) {
        send(status, "text/html; charset=utf-8", html);
    }

    /** Sends a whole body, with the time the server took to make it ({@code Server-Timing}: the benchmark reads it). */
    void send(int status, String contentType, String body) {
        response.setStatus(status);
        response.getHeaders().put("Server-Timing", String.format(java.util.Locale.ROOT, "page;dur=%.2f", (System.nanoTime() - startNanos) / 1e6));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.write(true, StandardCharsets.UTF_8.encode(body), callback);
    }

    void bytes(String contentType, byte[] body) {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "max-age=300");
        response.write(true, java.nio.ByteBuffer.wrap(body), callback);
    }

    /** A 303 to a path inside the dashboard (after a POST, so that reloading does not post again). */
    void redirect(String pathAndQuery) {
        Response.sendRedirect(request, response, callback, 303, base + pathAndQuery, true);
    }

    Content.Sink sink() {
        return response;
    }

    /** A request the dashboard refuses with 400 and a sentence. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }

    /** A thing that does not exist: 404 with a sentence. */
    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message, null, false, false);
        }
    }
}

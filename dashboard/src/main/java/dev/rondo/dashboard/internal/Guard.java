package dev.rondo.dashboard.internal;

import dev.rondo.dashboard.DashboardOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.eclipse.jetty.http.HttpHeader;

/**
 * The dashboard's security rules, checked before any page runs: the token (when set) on every request, and
 * for actions a POST whose CSRF field matches the browser's CSRF cookie (double submit: another site can
 * make a browser post a form, but cannot read the cookie to fill the field), from this origin when the
 * browser says where it comes from.
 */
final class Guard {

    static final String TOKEN_COOKIE = "rondo_token";
    static final String CSRF_COOKIE = "rondo_csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DashboardOptions options;
    private final boolean loopbackHostOnly;

    /** {@code loopbackHostOnly}: refuse requests addressed to any other host name (see {@link #hostRefused}). */
    Guard(DashboardOptions options, boolean loopbackHostOnly) {
        this.options = options;
        this.loopbackHostOnly = loopbackHostOnly;
    }

    /**
     * Whether a request to a dashboard without a token names a host other than this machine's loopback names.
     * A web page can make a browser reach 127.0.0.1 through a name of its own that it points there (DNS
     * rebinding); the browser then sends that name as the Host, which this refuses.
     */
    boolean hostRefused(Exchange x) {
        if (!loopbackHostOnly || options.token() != null) {
            return false;
        }
        String host = x.header(HttpHeader.HOST);
        if (host == null) {
            return false; // HTTP/1.0 without a Host: not a browser's request
        }
        String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1)
                : host.contains(":") ? host.substring(0, host.lastIndexOf(':')) : host;
        name = name.toLowerCase(java.util.Locale.ROOT);
        return !(name.equals("localhost") || name.startsWith("127.") || name.equals("[::1]"));
    }

    enum Verdict { PASS, TOKEN_IN_URL, REFUSED }

    /** Whether the request carries the token (by header, cookie, or the {@code ?token=} of a first visit). */
    Verdict checkToken(Exchange x) {
        String token = options.token();
        if (token == null) {
            return Verdict.PASS;
        }
        String authorization = x.header(HttpHeader.AUTHORIZATION);
        if (authorization != null && authorization.startsWith("Bearer ") && same(token, authorization.substring(7).strip())) {
            return Verdict.PASS;
        }
        if (same(token, x.cookie(TOKEN_COOKIE))) {
            return Verdict.PASS;
        }
        if (x.method().equals("GET") && same(token, x.param("token"))) {
            x.setCookie(TOKEN_COOKIE, token);
            return Verdict.TOKEN_IN_URL;
        }
        return Verdict.REFUSED;
    }

    /** The browser's CSRF token, set as a cookie when it has none yet. */
    String csrf(Exchange x) {
        String csrf = x.cookie(CSRF_COOKIE);
        if (csrf == null || csrf.length() < 32) {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            csrf = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            x.setCookie(CSRF_COOKIE, csrf);
        }
        return csrf;
    }

    /** Null when an action may run; otherwise why not. */
    String refuseAction(Exchange x) {
        if (options.readOnly()) {
            return "The dashboard is read-only: actions are turned off.";
        }
        String cookie = x.cookie(CSRF_COOKIE);
        if (cookie == null || !same(cookie, x.param("csrf"))) {
            return "The form's CSRF token is missing or does not match this browser's: reload the page and try again.";
        }
        String origin = x.header(HttpHeader.ORIGIN);
        String host = x.header(HttpHeader.HOST);
        if (origin != null && !origin.equals("null") && host != null && !host.equalsIgnoreCase(authority(origin))) {
            return "The form was posted from another site (" + origin + ").";
        }
        if ("cross-site".equals(x.request.getHeaders().get("Sec-Fetch-Site"))) {
            return "The form was posted from another site.";
        }
        return null;
    }

    private static String authority(String origin) {
        try {
            return URI.create(origin).getRawAuthority();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** Constant-time comparison, so that timing says nothing about how much of a guess was right. */
    private static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}

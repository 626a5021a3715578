package dev.switchboard.adapter.http;

/**
 * The problems only the HTTP edge raises, before any use case runs, whose codes therefore are not among
 * the ports' error codes: a browser origin that is not allowed (403) and request headers over the limits
 * (431). They are RFC 9457 problems like every other.
 */
final class EdgeProblem {
    static final String ORIGIN_NOT_ALLOWED = "origin_not_allowed";
    static final String HEADERS_TOO_LARGE = "request_headers_too_large";

    private EdgeProblem() {}

    static Reply originNotAllowed(String origin) {
        return problem(403, ORIGIN_NOT_ALLOWED, "Origin not allowed",
                "the origin " + origin + " is not allowed to call this server");
    }

    static Reply headersTooLarge(String detail) {
        return problem(431, HEADERS_TOO_LARGE, "Request headers too large", detail);
    }

    private static Reply problem(int status, String code, String title, String detail) {
        return new Reply.Json(status, new ProblemJson("urn:switchboard:problem:" + code, title, status, detail, code,
                null));
    }
}

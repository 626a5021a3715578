package dev.switchboard.ports.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request as the signature verifier needs it: the components RFC 9421 can cover, and the body
 * so that its {@code Content-Digest} can be checked. Transports build it; the domain judges it.
 *
 * @param method    the request method, upper case ({@code POST})
 * @param scheme    {@code http} or {@code https}, as the client addressed the server
 * @param authority host and optional port, as in the {@code Host} header
 * @param path      the absolute path, still percent-encoded as sent
 * @param query     the query string without the leading {@code ?}, still encoded as sent; empty when absent
 * @param headers   every header field, names lower-cased, values in the order received
 * @param body      the body bytes; empty when there is none
 */
public record SignedRequest(
        String method,
        String scheme,
        String authority,
        String path,
        Optional<String> query,
        Map<String, List<String>> headers,
        byte[] body) {

    public SignedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(body, "body");
        TreeMap<String, List<String>> lowerCased = new TreeMap<>();
        headers.forEach((name, values) -> lowerCased
                .computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new java.util.ArrayList<>())
                .addAll(values));
        lowerCased.replaceAll((name, values) -> List.copyOf(values));
        headers = java.util.Collections.unmodifiableMap(lowerCased);
        body = body.clone();
    }

    /** All values of a header field, by case-insensitive name. */
    public List<String> header(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The RFC 9421 {@code @target-uri}: scheme, authority, path and query. */
    public String targetUri() {
        return scheme + "://" + authority + path + query.map(q -> "?" + q).orElse("");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedRequest that
                && method.equals(that.method) && scheme.equals(that.scheme)
                && authority.equals(that.authority) && path.equals(that.path)
                && query.equals(that.query) && headers.equals(that.headers)
                && java.util.Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, scheme, authority, path, query, headers, java.util.Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "SignedRequest[" + method + " " + targetUri() + ", " + body.length + " body bytes]";
    }
}

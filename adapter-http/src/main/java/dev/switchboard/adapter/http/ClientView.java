package dev.switchboard.adapter.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the edge established about a request, once, before anything else looks at it: the client's address
 * (the budget it spends), the scheme and authority it addressed (the {@code @target-uri} a signature covers),
 * and whether it arrived over HTTPS (HSTS).
 *
 * <p>The address is the TCP peer's unless the peer is a trusted proxy; then the {@code Forwarded} (RFC 7239)
 * or else {@code X-Forwarded-For} hops are read right to left, skipping trusted proxies, and the first
 * untrusted hop is the client. A hop that is not an address ({@code unknown}, an obfuscated name) ends the
 * walk at the last trusted proxy. An untrusted peer's forwarding headers change nothing.
 */
record ClientView(String address, String scheme, String authority, boolean secure) {
    static final AttachmentKey<ClientView> KEY = AttachmentKey.named("client view");
    private static final String FORWARDED = "Forwarded";
    private static final String X_FORWARDED_FOR = "X-Forwarded-For";
    private static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";
    private static final String X_FORWARDED_HOST = "X-Forwarded-Host";

    /** The view the edge attached, or the bare connection's for an exchange that did not pass the edge. */
    static ClientView of(HttpExchange exchange) {
        ClientView view = exchange.attachment(KEY);
        return view != null ? view : resolve(exchange, new TrustedProxies(List.of()), Optional.empty());
    }

    static ClientView resolve(HttpExchange exchange, TrustedProxies proxies, Optional<URI> publicBaseUrl) {
        InetSocketAddress peer = exchange.sourceAddress();
        InetAddress peerAddress = peer == null ? null : peer.getAddress();
        String seenScheme = exchange.scheme();
        String host = exchange.requestHeaders().get(HttpHeaderNames.HOST);
        String seenAuthority = host != null ? host : exchange.hostAndPort();
        String address = peerAddress != null ? peerAddress.getHostAddress()
                : peer != null ? peer.getHostString() : "unknown";
        String scheme = seenScheme;
        String authority = seenAuthority;
        if (peerAddress != null && proxies.trusts(peerAddress)) {
            List<Hop> hops = hops(exchange);
            Hop client = new Hop(Optional.of(peerAddress), Optional.empty(), Optional.empty());
            for (int i = hops.size() - 1; i >= 0; i--) {
                Hop hop = hops.get(i);
                if (hop.address().isEmpty()) {
                    break;
                }
                client = hop;
                if (!proxies.trusts(hop.address().get())) {
                    break;
                }
            }
            address = client.address().get().getHostAddress();
            scheme = client.proto().or(() -> lastValue(exchange, X_FORWARDED_PROTO)).orElse(seenScheme);
            authority = client.host().or(() -> lastValue(exchange, X_FORWARDED_HOST)).orElse(seenAuthority);
        }
        boolean secure = "https".equalsIgnoreCase(seenScheme) || "https".equalsIgnoreCase(scheme);
        if (publicBaseUrl.isPresent()) {
            URI base = publicBaseUrl.get();
            scheme = base.getScheme();
            authority = base.getRawAuthority();
        }
        return new ClientView(address, scheme.toLowerCase(Locale.ROOT), authority, secure);
    }

    /** One hop a proxy reported: its address, and what it saw of the request (Forwarded only). */
    private record Hop(Optional<InetAddress> address, Optional<String> proto, Optional<String> host) {}

    private static List<Hop> hops(HttpExchange exchange) {
        List<Hop> hops = new ArrayList<>();
        List<String> forwarded = exchange.requestHeaders().getAll(FORWARDED);
        if (forwarded != null && !forwarded.isEmpty()) {
            for (String element : elements(forwarded)) {
                hops.add(forwardedHop(element));
            }
            return hops;
        }
        List<String> forwardedFor = exchange.requestHeaders().getAll(X_FORWARDED_FOR);
        if (!forwardedFor.isEmpty()) {
            for (String element : elements(forwardedFor)) {
                hops.add(new Hop(TrustedProxies.literal(element), Optional.empty(), Optional.empty()));
            }
        }
        return hops;
    }

    private static List<String> elements(List<String> values) {
        List<String> elements = new ArrayList<>();
        for (String value : values) {
            for (String element : value.split(",")) {
                elements.add(element.strip());
            }
        }
        return elements;
    }

    /** {@code for=192.0.2.60;proto=https;host=example.com}, names case-insensitive, values maybe quoted. */
    private static Hop forwardedHop(String element) {
        Optional<InetAddress> address = Optional.empty();
        Optional<String> proto = Optional.empty();
        Optional<String> host = Optional.empty();
        for (String pair : element.split(";")) {
            int equals = pair.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String name = pair.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            String value = unquote(pair.substring(equals + 1).strip());
            switch (name) {
                case "for" -> address = TrustedProxies.literal(value);
                case "proto" -> proto = value.matches("(?i)https?") ? Optional.of(value) : Optional.empty();
                case "host" -> host = value.isBlank() ? Optional.empty() : Optional.of(value);
                default -> { }
            }
        }
        return new Hop(address, proto, host);
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    /** The nearest proxy's value of an {@code X-Forwarded-*} list. */
    private static Optional<String> lastValue(HttpExchange exchange, String header) {
        List<String> values = exchange.requestHeaders().getAll(header);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<String> all = elements(values);
        String last = all.get(all.size() - 1);
        if (header.equals(X_FORWARDED_PROTO) && !last.matches("(?i)https?")) {
            return Optional.empty();
        }
        return last.isBlank() ? Optional.empty() : Optional.of(last);
    }
}

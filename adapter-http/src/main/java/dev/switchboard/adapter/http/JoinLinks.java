package dev.switchboard.adapter.http;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Builds the join link of an invite, {@code <base>/join?token=<token>}, for a QR code or a chat message.
 * The base is the configured public URL or, without one, the scheme and {@code Host} of the request.
 */
final class JoinLinks {
    private final Optional<URI> publicBaseUrl;

    JoinLinks(Optional<URI> publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl;
    }

    /** The base the links of this request start with; checked before anything is opened with it. */
    URI baseFor(Call call) {
        return publicBaseUrl.orElseGet(() -> {
            try {
                return call.requestOrigin();
            } catch (IllegalArgumentException e) {
                throw WireJson.malformed("the Host header is not a valid authority");
            }
        });
    }

    static URI link(URI base, String inviteToken) {
        String prefix = base.toString();
        if (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        return URI.create(prefix + "/join?token=" + URLEncoder.encode(inviteToken, StandardCharsets.UTF_8));
    }
}

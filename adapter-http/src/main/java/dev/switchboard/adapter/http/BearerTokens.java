package dev.switchboard.adapter.http;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@code Authorization: Bearer <token>} (RFC 6750): the scheme case-insensitive, the token as sent.
 * The token is a secret, so it never appears in a detail or a log line.
 */
final class BearerTokens {
    private static final String SCHEME = "bearer";
    /** RFC 6750's b64token: what a capability token may look like at all. */
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9._~+/-]+=*");

    private BearerTokens() {}

    /**
     * The credentials of a Bearer {@code Authorization} header, unchecked; empty without the header or with
     * another scheme. More than one {@code Authorization} header is {@code malformed_request}.
     */
    static Optional<String> presented(List<String> authorization) {
        if (authorization.size() > 1) {
            throw new SignalingException(ErrorCode.MALFORMED_REQUEST, "send at most one Authorization header");
        }
        if (authorization.isEmpty()) {
            return Optional.empty();
        }
        String value = authorization.get(0).strip();
        int space = value.indexOf(' ');
        String scheme = space < 0 ? value : value.substring(0, space);
        if (!scheme.toLowerCase(Locale.ROOT).equals(SCHEME)) {
            return Optional.empty();
        }
        return Optional.of(space < 0 ? "" : value.substring(space + 1).strip());
    }

    /**
     * A transfer's capability token: {@link BearerTokenMissing} without one, {@code capability_invalid}
     * when what follows {@code Bearer} cannot be a token.
     */
    static String capability(List<String> authorization) {
        String token = presented(authorization).orElseThrow(BearerTokenMissing::new);
        if (!B64TOKEN.matcher(token).matches()) {
            throw new SignalingException(ErrorCode.CAPABILITY_INVALID, "the capability token is malformed");
        }
        return token;
    }
}

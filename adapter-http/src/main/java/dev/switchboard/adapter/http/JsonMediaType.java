package dev.switchboard.adapter.http;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import java.util.Locale;

/** Checks that a body is declared {@code application/json}; parameters are fine, a charset other than UTF-8 is not. */
final class JsonMediaType {

    private JsonMediaType() {}

    static void require(String contentType) {
        if (contentType == null) {
            throw unsupported("send the body with Content-Type: application/json");
        }
        String[] parts = contentType.split(";");
        if (!parts[0].strip().equalsIgnoreCase("application/json")) {
            throw unsupported("the body must be application/json");
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].strip().equalsIgnoreCase("charset") && (parameter.length < 2
                    || !unquoted(parameter[1]).toLowerCase(Locale.ROOT).matches("utf-?8"))) {
                throw unsupported("the body must be UTF-8");
            }
        }
    }

    private static String unquoted(String value) {
        String stripped = value.strip();
        return stripped.length() >= 2 && stripped.startsWith("\"") && stripped.endsWith("\"")
                ? stripped.substring(1, stripped.length() - 1) : stripped;
    }

    private static SignalingException unsupported(String detail) {
        return new SignalingException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, detail);
    }
}

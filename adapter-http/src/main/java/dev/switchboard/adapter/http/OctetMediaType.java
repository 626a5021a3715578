package dev.switchboard.adapter.http;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;

/** Checks that a chunk upload is declared {@code application/octet-stream}: opaque bytes, never parsed. */
final class OctetMediaType {
    static final String OCTET_STREAM = "application/octet-stream";

    private OctetMediaType() {}

    static void require(String contentType) {
        if (contentType == null || !contentType.split(";", 2)[0].strip().equalsIgnoreCase(OCTET_STREAM)) {
            throw new SignalingException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "send the chunk with Content-Type: " + OCTET_STREAM);
        }
    }
}

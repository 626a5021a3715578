package dev.switchboard.adapter.http;

import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.CreateTransfer;
import java.util.OptionalLong;

/**
 * The body of {@code POST /v1/transfers}: {@code chunkCount} and {@code chunkSize} required; {@code totalBytes},
 * {@code ttlSeconds} and {@code accessVerifier} optional. The verifier is a secret and never printed.
 */
record CreateTransferJson(Integer chunkCount, Integer chunkSize, Long totalBytes, Long ttlSeconds,
        String accessVerifier) {

    CreateTransfer.Request toRequest(String clientAddress) {
        int count = Required.field(chunkCount, "chunkCount");
        int size = Required.field(chunkSize, "chunkSize");
        if (count < 1) {
            throw SignalingException.invalid("chunkCount", "must be positive");
        }
        if (size < 1) {
            throw SignalingException.invalid("chunkSize", "must be positive");
        }
        if (totalBytes != null && totalBytes < 1) {
            throw SignalingException.invalid("totalBytes", "must be positive");
        }
        return new CreateTransfer.Request(count, size,
                totalBytes == null ? OptionalLong.empty() : OptionalLong.of(totalBytes), TtlSeconds.of(ttlSeconds),
                AccessVerifier.of(accessVerifier), clientAddress);
    }

    @Override
    public String toString() {
        return "CreateTransferJson[chunkCount=" + chunkCount + ", chunkSize=" + chunkSize + ", totalBytes="
                + totalBytes + ", ttlSeconds=" + ttlSeconds + ", accessVerifier="
                + (accessVerifier == null ? "none" : "[redacted]") + "]";
    }
}

package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.ClaimTransfer;
import dev.switchboard.ports.model.InviteCode;

/** The body of {@code POST /v1/transfers/claim}: the invite code and, if the transfer is bound to one, the verifier. */
record ClaimTransferJson(String code, String accessVerifier) {

    ClaimTransfer.Request toRequest(String clientAddress) {
        return new ClaimTransfer.Request(new InviteCode(Required.field(code, "code")),
                AccessVerifier.of(accessVerifier), clientAddress);
    }

    @Override
    public String toString() {
        return "ClaimTransferJson[code=(redacted), accessVerifier=" + (accessVerifier == null ? "none" : "[redacted]")
                + "]";
    }
}

package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.InviteCode;
import dev.switchboard.ports.model.Transfer;
import java.util.Objects;
import java.util.Optional;

/**
 * Claims a transfer as its one receiver, by invite code and (when the transfer is bound to one) the access
 * verifier. A second claim by another identity is refused with {@code transfer_already_claimed}; the same
 * identity claiming again gets its token again. Failed claims (unknown code, wrong verifier) count against
 * the client address's guessing budget; with the budget spent, claims are refused with {@code rate_limited}.
 */
public interface ClaimTransfer {

    Claimed claim(Identity caller, Request request);

    record Request(InviteCode code, Optional<String> accessVerifier, String clientAddress) {
        public Request {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(accessVerifier, "accessVerifier");
            Objects.requireNonNull(clientAddress, "clientAddress");
        }

        @Override
        public String toString() {
            return "Request[code=" + code + ", accessVerifier=" + (accessVerifier.isPresent() ? "[redacted]" : "none")
                    + ", clientAddress=" + clientAddress + "]";
        }
    }

    /** @param receiverToken the capability token for downloading and acknowledging */
    record Claimed(Transfer transfer, String receiverToken) {
        public Claimed {
            Objects.requireNonNull(transfer, "transfer");
            Objects.requireNonNull(receiverToken, "receiverToken");
        }
    }
}

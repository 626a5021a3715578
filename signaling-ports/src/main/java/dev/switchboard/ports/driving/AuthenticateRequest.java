package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.SignedRequest;

/**
 * Verifies a request's RFC 9421 signature, its content digest, time window and nonce, and returns who
 * signed it. Throws {@link dev.switchboard.ports.SignalingException} with a signature error code otherwise.
 */
public interface AuthenticateRequest {
    Identity authenticate(SignedRequest request);
}

package dev.switchboard.domain.identity;

import dev.switchboard.ports.model.SignedRequest;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The key id a request claims in its signature headers, read without verifying anything: for telling who a
 * refused request said it was (the audit log), never for deciding what it may do.
 */
public final class ClaimedKeyIds {
    /** Credential ids and Ed25519 key ids fit; anything else is not repeated into a log. */
    private static final Pattern PLAUSIBLE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private ClaimedKeyIds() {}

    /** The {@code keyid} parameter, when the headers parse and it looks like a key id. */
    public static Optional<String> of(SignedRequest request) {
        try {
            String keyId = SignatureHeaders.read(request).keyId();
            return PLAUSIBLE.matcher(keyId).matches() ? Optional.of(keyId) : Optional.empty();
        } catch (RuntimeException unreadable) {
            // Best effort only: whatever stops the read, the refusal being audited stays the caller's answer.
            return Optional.empty();
        }
    }
}

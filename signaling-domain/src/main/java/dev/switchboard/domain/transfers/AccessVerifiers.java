package dev.switchboard.domain.transfers;

import dev.switchboard.domain.ServerSigningKey;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.model.Transfer;
import dev.switchboard.ports.model.TransferId;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Keeps access verifiers only as a keyed hash: lower-case hex of HMAC-SHA256 under the server signing key
 * for the purpose {@value #PURPOSE}, over the transfer id's ASCII, a zero byte, then the verifier's UTF-8.
 * Binding the id means equal verifiers of two transfers give different digests, and a stolen table of
 * digests cannot be matched against guesses without the key. Digests are compared in constant time.
 */
final class AccessVerifiers {
    static final String PURPOSE = "switchboard transfer verifier v1";

    private final ServerSigningKey key;
    private final int maxLength;

    AccessVerifiers(ServerSigningKey key, int maxLength) {
        this.key = key;
        this.maxLength = maxLength;
    }

    /** The digest to store for a verifier given at creation; refuses an empty or overlong verifier. */
    Optional<String> digestForNew(TransferId id, Optional<String> verifier) {
        if (verifier.isEmpty()) {
            return Optional.empty();
        }
        String given = verifier.get();
        if (given.isEmpty() || given.length() > maxLength) {
            throw SignalingException.invalid("accessVerifier",
                    "must be 1 to " + maxLength + " characters");
        }
        return Optional.of(digest(id, given));
    }

    /** Whether {@code given} opens {@code transfer}: always when it is bound to no verifier. */
    boolean opens(Transfer transfer, Optional<String> given) {
        if (transfer.verifierDigest().isEmpty()) {
            return true;
        }
        if (given.isEmpty() || given.get().length() > maxLength) {
            return false;
        }
        byte[] expected = transfer.verifierDigest().get().getBytes(StandardCharsets.US_ASCII);
        byte[] actual = digest(transfer.id(), given.get()).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual);
    }

    String digest(TransferId id, String verifier) {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.writeBytes(id.value().getBytes(StandardCharsets.US_ASCII));
        message.write(0);
        message.writeBytes(verifier.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(key.sign(PURPOSE, message.toByteArray()));
    }
}

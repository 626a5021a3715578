package dev.switchboard.domain.peerjs;

import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.model.PeerId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The peer ids a key id owns: its fingerprint, the first 16 bytes of SHA-256 over {@value #LABEL}, a zero byte
 * and the key id's UTF-8, as 32 lower-case hexadecimal characters, optionally after a name the holder picks
 * ({@code laptop-<fingerprint>}). Anyone can compute the id of a known key id (a peer can be addressed by its
 * public key), but only the holder of the key id is ever issued a token for it: taking another identity's id
 * would take a SHA-256 collision.
 */
final class OwnedPeerIds {
    static final String LABEL = "switchboard peerjs id v1";
    static final int FINGERPRINT_BYTES = 16;
    /** Leaves room for {@code -} and the 32-character fingerprint within the 64 characters of a peer id. */
    static final int MAX_NAME_LENGTH = PeerId.MAX_LENGTH - 1 - 2 * FINGERPRINT_BYTES;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]+(?:[_-][A-Za-z0-9]+)*");

    private OwnedPeerIds() {}

    /** The id of {@code keyId}, after {@code name} when one is given; {@code validation_failed} for a bad name. */
    static PeerId of(String keyId, Optional<String> name) {
        String fingerprint = fingerprint(keyId);
        if (name.isEmpty()) {
            return new PeerId(fingerprint);
        }
        String given = name.get();
        if (given.length() > MAX_NAME_LENGTH || !NAME.matcher(given).matches()) {
            throw SignalingException.invalid("name",
                    "must be 1-" + MAX_NAME_LENGTH + " letters and digits, joined by single - or _");
        }
        return new PeerId(given + "-" + fingerprint);
    }

    static String fingerprint(String keyId) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(LABEL.getBytes(StandardCharsets.US_ASCII));
            sha256.update((byte) 0);
            byte[] digest = sha256.digest(keyId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(Arrays.copyOf(digest, FINGERPRINT_BYTES));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}

package dev.switchboard.ports.testing;

import dev.switchboard.ports.model.PeerAddress;
import dev.switchboard.ports.model.PeerConnection;
import dev.switchboard.ports.model.PeerId;
import dev.switchboard.ports.model.PeerMessage;
import dev.switchboard.ports.model.PeerMessageType;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Valid PeerJS peers, connections and messages for tests. Every realm key, peer id, token and connection id is
 * random, so tests never see each other's records even when they share a store. Instants are whole
 * milliseconds, which every store keeps exactly.
 */
public final class PeerFixtures {
    /** The instant tests treat as now; the same as {@link OfferFixtures#NOW}. */
    public static final Instant NOW = OfferFixtures.NOW;

    private static final String KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    // Lower case and digits only: ids then sort alike in Java and in any database collation.
    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private PeerFixtures() {}

    /** A random realm: the API key a PeerJS client connects with. */
    public static String randomKey() {
        return "key" + random(KEY_ALPHABET, 16);
    }

    public static PeerId randomPeerId() {
        return new PeerId(random(ID_ALPHABET, 20));
    }

    /** A random peer id in the realm {@code key}. */
    public static PeerAddress randomAddress(String key) {
        return new PeerAddress(key, randomPeerId());
    }

    /** A random peer id in a random realm. */
    public static PeerAddress randomAddress() {
        return randomAddress(randomKey());
    }

    public static String randomToken() {
        return random(KEY_ALPHABET, 12);
    }

    /** A socket of {@code peer} with a random token and connection id, opened and last seen {@link #NOW}. */
    public static PeerConnection aConnection(PeerAddress peer) {
        return aConnection(peer, randomToken(), NOW);
    }

    /** A socket of {@code peer} presenting {@code token}, with a random connection id, last seen at {@code seenAt}. */
    public static PeerConnection aConnection(PeerAddress peer, String token, Instant seenAt) {
        return new PeerConnection(peer, token, "conn-" + random(KEY_ALPHABET, 16), "198.51.100.7",
                seenAt.minusSeconds(30), seenAt);
    }

    /** An offer to {@code recipient} from a random peer of its realm, with a distinct payload, queued {@link #NOW}. */
    public static PeerMessage aMessage(PeerAddress recipient) {
        return aMessage(recipient, NOW);
    }

    /** An offer to {@code recipient} from a random peer of its realm, with a distinct payload, queued at {@code queuedAt}. */
    public static PeerMessage aMessage(PeerAddress recipient, Instant queuedAt) {
        return aMessage(recipient, queuedAt, "{\"type\":\"offer\",\"sdp\":\"v=0 " + random(ID_ALPHABET, 12) + "\"}");
    }

    /** An offer to {@code recipient} from a random peer of its realm carrying {@code payload}, queued at {@code queuedAt}. */
    public static PeerMessage aMessage(PeerAddress recipient, Instant queuedAt, String payload) {
        return new PeerMessage(0, recipient.key(), randomPeerId(), recipient.id(), PeerMessageType.OFFER, payload,
                queuedAt);
    }

    private static String random(String alphabet, int length) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder token = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            token.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return token.toString();
    }
}

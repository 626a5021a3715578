package dev.switchboard.ports.testing;

import dev.switchboard.ports.model.Answer;
import dev.switchboard.ports.model.IceCandidate;
import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.OfferId;
import dev.switchboard.ports.model.Sdp;
import dev.switchboard.ports.model.ServiceName;
import dev.switchboard.ports.model.Tags;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * Valid offers, ids and payloads for tests. Every id, key id, service and tag is random, so tests never
 * see each other's records even when they share a store.
 */
public final class OfferFixtures {
    /** The instant tests treat as now: round, so that failures read well. */
    public static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    /** How long a fixture offer lives unless a test says otherwise. */
    public static final Duration TTL = Duration.ofMinutes(5);

    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final String NAME_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private OfferFixtures() {}

    public static OfferId randomOfferId() {
        return randomOfferId("");
    }

    /** A random offer id starting with {@code prefix}, so that a test can decide how ids sort. */
    public static OfferId randomOfferId(String prefix) {
        return new OfferId(prefix + random(ID_ALPHABET, 22));
    }

    public static String randomKeyId() {
        return "key-" + random(ID_ALPHABET, 20);
    }

    public static ServiceName randomService() {
        return new ServiceName("svc-" + random(NAME_ALPHABET, 12) + ":1.0");
    }

    public static String randomTag() {
        return "tag-" + random(NAME_ALPHABET, 12);
    }

    public static Sdp sdp(String label) {
        return new Sdp("v=0\r\no=- " + label + " 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n");
    }

    /** An answer by {@code answererKeyId}, given at {@link #NOW}. */
    public static Answer answerBy(String answererKeyId) {
        return new Answer(answererKeyId, sdp("answer-" + answererKeyId), NOW);
    }

    /** {@code count} distinct candidates, distinct from those of any other call too. */
    public static List<IceCandidate> iceCandidates(int count) {
        String foundation = random(NAME_ALPHABET, 8);
        return IntStream.range(0, count)
                .mapToObj(i -> new IceCandidate("{\"candidate\":\"candidate:" + foundation + " 1 udp 2122260223 10.0.0."
                        + (i % 250 + 1) + " " + (50000 + i) + " typ host\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}"))
                .toList();
    }

    /** An unanswered offer by a random owner in a random service, created {@link #NOW}, living {@link #TTL}. */
    public static Builder anOffer() {
        return new Builder();
    }

    /** Builds one offer; anything not set keeps the defaults of {@link #anOffer()}. */
    public static final class Builder {
        private OfferId id = randomOfferId();
        private String ownerKeyId = randomKeyId();
        private ServiceName service = randomService();
        private Tags tags = Tags.none();
        private Instant createdAt = NOW;
        private Instant expiresAt;

        private Builder() {}

        public Builder id(OfferId newId) {
            this.id = newId;
            return this;
        }

        public Builder ownedBy(String keyId) {
            this.ownerKeyId = keyId;
            return this;
        }

        public Builder service(ServiceName newService) {
            this.service = newService;
            return this;
        }

        public Builder tags(String... newTags) {
            this.tags = Tags.of(newTags);
            return this;
        }

        public Builder createdAt(Instant instant) {
            this.createdAt = instant;
            return this;
        }

        /** The expiry; when not set, {@link #TTL} after creation. */
        public Builder expiresAt(Instant instant) {
            this.expiresAt = instant;
            return this;
        }

        public Offer build() {
            Instant expiry = expiresAt == null ? createdAt.plus(TTL) : expiresAt;
            return new Offer(id, ownerKeyId, service, tags, sdp("offer-" + id), createdAt, expiry, Optional.empty());
        }
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

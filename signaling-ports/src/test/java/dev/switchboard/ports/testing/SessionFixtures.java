package dev.switchboard.ports.testing;

import dev.switchboard.ports.model.InviteCode;
import dev.switchboard.ports.model.Member;
import dev.switchboard.ports.model.MemberId;
import dev.switchboard.ports.model.PairingSession;
import dev.switchboard.ports.model.SessionId;
import dev.switchboard.ports.model.SessionMessage;
import dev.switchboard.ports.model.SignalPayload;
import dev.switchboard.ports.model.SignalType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Valid pairing sessions, members, signals and ids for tests. Every id, key id and invite code is random,
 * so tests never see each other's records even when they share a store.
 */
public final class SessionFixtures {
    /** The instant tests treat as now; the same as {@link OfferFixtures#NOW}. */
    public static final Instant NOW = OfferFixtures.NOW;
    /** How long a fixture session lives without activity unless a test says otherwise. */
    public static final Duration TTL = Duration.ofMinutes(5);
    /** How long after its creation a fixture session expires at the latest, activity or not. */
    public static final Duration LIFETIME = Duration.ofHours(1);

    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private SessionFixtures() {}

    public static SessionId randomSessionId() {
        return new SessionId(random(ID_ALPHABET, 22));
    }

    public static MemberId randomMemberId() {
        return new MemberId(random(ID_ALPHABET, 16));
    }

    /** A random code: 40 bits, so two tests draw the same one about never. */
    public static InviteCode randomInviteCode() {
        return new InviteCode(random(InviteCode.ALPHABET, InviteCode.LENGTH));
    }

    /** A guest (not the host) with a random member id, joined and last seen {@link #NOW}. */
    public static Member aMember(String keyId) {
        return aMember(keyId, NOW);
    }

    /** A guest with a random member id, joined and last seen at {@code seenAt}. */
    public static Member aMember(String keyId, Instant seenAt) {
        return new Member(randomMemberId(), keyId, false, seenAt, seenAt);
    }

    /** A signal of type {@code offer} with a distinct payload, from one member to another, sent {@link #NOW}. */
    public static SessionMessage.Signal aSignal(SessionId sessionId, Member from, Member to) {
        SignalPayload payload = new SignalPayload("{\"n\":\"" + random(ID_ALPHABET, 12) + "\"}");
        return new SessionMessage.Signal(
                0, sessionId, to.keyId(), from.id(), to.id(), new SignalType("offer"), payload, NOW);
    }

    /**
     * An open session of capacity 2 with a random id, code and host (its only member), created {@link #NOW},
     * expiring {@link #TTL} later and at the latest {@link #LIFETIME} after creation.
     */
    public static Builder aSession() {
        return new Builder();
    }

    /** Builds one session; anything not set keeps the defaults of {@link #aSession()}. */
    public static final class Builder {
        private SessionId id = randomSessionId();
        private InviteCode code = randomInviteCode();
        private String hostKeyId = OfferFixtures.randomKeyId();
        private int capacity = 2;
        private Instant createdAt = NOW;
        private Instant expiresAt;
        private Instant hardExpiresAt;

        private Builder() {}

        public Builder id(SessionId newId) {
            this.id = newId;
            return this;
        }

        public Builder code(InviteCode newCode) {
            this.code = newCode;
            return this;
        }

        public Builder hostedBy(String keyId) {
            this.hostKeyId = keyId;
            return this;
        }

        public Builder capacity(int newCapacity) {
            this.capacity = newCapacity;
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

        /** The hard expiry; when not set, {@link #LIFETIME} after creation. */
        public Builder hardExpiresAt(Instant instant) {
            this.hardExpiresAt = instant;
            return this;
        }

        public PairingSession build() {
            Instant expiry = expiresAt == null ? createdAt.plus(TTL) : expiresAt;
            Instant hardExpiry = hardExpiresAt == null ? createdAt.plus(LIFETIME) : hardExpiresAt;
            Member host = new Member(randomMemberId(), hostKeyId, true, createdAt, createdAt);
            return new PairingSession(
                    id, code, capacity, createdAt, expiry, hardExpiry, Optional.empty(), List.of(host));
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

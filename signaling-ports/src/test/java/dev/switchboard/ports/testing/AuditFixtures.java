package dev.switchboard.ports.testing;

import dev.switchboard.ports.driven.AuditLog;
import dev.switchboard.ports.model.AuditEvent;
import dev.switchboard.ports.model.AuditEventType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Valid audit events and a chain link that records its calls, for tests. */
public final class AuditFixtures {
    /** The instant tests treat as now; the same as {@link OfferFixtures#NOW}. */
    public static final Instant NOW = OfferFixtures.NOW;

    private AuditFixtures() {}

    /** An event of {@code type} by a random actor, on a random subject, from a client address, at {@link #NOW}. */
    public static Builder anEvent(AuditEventType type) {
        return new Builder(type);
    }

    /** Builds one event; anything not set keeps the defaults of {@link #anEvent}. */
    public static final class Builder {
        private final AuditEventType type;
        private Instant occurredAt = NOW;
        private String actor = OfferFixtures.randomKeyId();
        private Optional<String> subject = Optional.of(TransferFixtures.randomTransferId().value());
        private Optional<String> clientAddress = Optional.of(TransferFixtures.randomAddress());
        private final Map<String, String> attributes = new TreeMap<>();

        private Builder(AuditEventType type) {
            this.type = type;
        }

        public Builder at(Instant instant) {
            this.occurredAt = instant;
            return this;
        }

        public Builder by(String newActor) {
            this.actor = newActor;
            return this;
        }

        public Builder on(String newSubject) {
            this.subject = Optional.of(newSubject);
            return this;
        }

        public Builder onNothing() {
            this.subject = Optional.empty();
            return this;
        }

        public Builder from(String address) {
            this.clientAddress = Optional.of(address);
            return this;
        }

        public Builder fromNowhere() {
            this.clientAddress = Optional.empty();
            return this;
        }

        public Builder attribute(String name, String value) {
            this.attributes.put(name, value);
            return this;
        }

        public AuditEvent build() {
            return new AuditEvent(type, occurredAt, actor, subject, clientAddress, attributes);
        }
    }

    /**
     * A chain link that hashes what it is given with SHA-256 and records every call, so that a test can check
     * the store asked with the right sequence, event and previous hash, and kept the answer. Thread-safe.
     */
    public static final class RecordingChainLink implements AuditLog.ChainLink {
        private final List<Call> calls = new ArrayList<>();

        @Override
        public synchronized String hash(long sequence, AuditEvent event, String previousHash) {
            String hash = TransferFixtures.sha256(
                    (sequence + "|" + event + "|" + previousHash).getBytes(StandardCharsets.UTF_8));
            calls.add(new Call(sequence, event, previousHash, hash));
            return hash;
        }

        public synchronized List<Call> calls() {
            return List.copyOf(calls);
        }

        /** One call: what the store asked and what the link answered. */
        public record Call(long sequence, AuditEvent event, String previousHash, String answer) {}
    }
}

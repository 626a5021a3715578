package dev.switchboard.ports.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A published WebRTC offer and, once someone won the race, its single answer. The offer lives until
 * {@code expiresAt}; answering moves that to the answered-retention horizon so late ICE still flows.
 */
public record Offer(
        OfferId id,
        String ownerKeyId,
        ServiceName service,
        Tags tags,
        Sdp sdp,
        Instant createdAt,
        Instant expiresAt,
        Optional<Answer> answer) {

    public Offer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerKeyId, "ownerKeyId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(sdp, "sdp");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(answer, "answer");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("expiresAt must be after createdAt");
        }
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean isAnswered() {
        return answer.isPresent();
    }

    /** Unanswered and unexpired: what discovery may return. */
    public boolean isAvailableAt(Instant now) {
        return !isAnswered() && !isExpiredAt(now);
    }

    /** The role {@code keyId} plays on this offer, if any. */
    public Optional<Role> roleOf(String keyId) {
        if (ownerKeyId.equals(keyId)) {
            return Optional.of(Role.OFFERER);
        }
        return answer.filter(a -> a.answererKeyId().equals(keyId)).map(a -> Role.ANSWERER);
    }

    /** The key id of whoever plays {@code role}, if someone does. */
    public Optional<String> keyIdOf(Role role) {
        return role == Role.OFFERER ? Optional.of(ownerKeyId) : answer.map(Answer::answererKeyId);
    }

    public Offer withTags(Tags newTags) {
        return new Offer(id, ownerKeyId, service, newTags, sdp, createdAt, expiresAt, answer);
    }

    public Offer withAnswer(Answer newAnswer, Instant newExpiresAt) {
        return new Offer(id, ownerKeyId, service, tags, sdp, createdAt, newExpiresAt, Optional.of(newAnswer));
    }
}

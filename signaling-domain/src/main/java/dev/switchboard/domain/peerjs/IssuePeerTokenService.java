package dev.switchboard.domain.peerjs;

import dev.switchboard.ports.driving.IssuePeerToken;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.PeerId;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Issues the caller a PeerJS token for an id its key id owns. Nothing is stored: the token is the proof, and the
 * id is the caller's for good, so issuing again (a new tab, a refresh before expiry) is harmless.
 */
final class IssuePeerTokenService implements IssuePeerToken {
    private final PeerTokens tokens;
    private final InstantSource clock;
    private final Duration lifetime;

    IssuePeerTokenService(PeerTokens tokens, InstantSource clock, Duration lifetime) {
        this.tokens = tokens;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    @Override
    public Issued issue(Identity caller, Request request) {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(request, "request");
        PeerId id = OwnedPeerIds.of(caller.keyId(), request.name());
        // Whole seconds, as the token keeps them: never later than the lifetime allows.
        Instant expiresAt = Instant.ofEpochSecond(clock.instant().plus(lifetime).getEpochSecond());
        return new Issued(id, tokens.issue(id, expiresAt), expiresAt);
    }
}

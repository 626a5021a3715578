package dev.switchboard.domain.peerjs;

import dev.switchboard.ports.driven.PeerStore;
import dev.switchboard.ports.driving.GeneratePeerId;
import dev.switchboard.ports.model.PeerAddress;
import dev.switchboard.ports.model.PeerId;

/**
 * Draws a random UUID v4 that no connection holds in the realm, as the {@code peer} server does. Nothing is
 * reserved: the client claims the id when it connects, and a clash then is {@code ID-TAKEN} as usual. A server
 * that requires PeerJS tokens draws none: its ids come with the tokens.
 */
final class GeneratePeerIdService implements GeneratePeerId {
    static final int MAX_ATTEMPTS = 5;

    private final PeerStore peers;
    private final Realms realms;
    private final PeerIds ids;
    private final boolean requiresTokens;

    GeneratePeerIdService(PeerStore peers, Realms realms, PeerIds ids, boolean requiresTokens) {
        this.peers = peers;
        this.realms = realms;
        this.ids = ids;
        this.requiresTokens = requiresTokens;
    }

    @Override
    public PeerId generate(String key) {
        realms.requireServed(key);
        if (requiresTokens) {
            throw PeerErrors.idsComeWithTokens();
        }
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            PeerId id = ids.nextPeer();
            if (peers.holder(new PeerAddress(key, id)).isEmpty()) {
                return id;
            }
        }
        throw PeerErrors.noFreeId(MAX_ATTEMPTS);
    }
}

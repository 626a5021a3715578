package dev.switchboard.ports.driving;

import java.util.Objects;

/** Every driving port the PeerJS-compatible transport needs, as one value. */
public record PeerJsUseCases(
        ConnectPeer connectPeer,
        RelayPeerMessage relayPeerMessage,
        ReceivePeerMessages receivePeerMessages,
        KeepPeerAlive keepPeerAlive,
        DisconnectPeer disconnectPeer,
        GeneratePeerId generatePeerId,
        ListPeers listPeers,
        ExpirePeerMessages expirePeerMessages,
        IssuePeerToken issuePeerToken) {

    public PeerJsUseCases {
        Objects.requireNonNull(connectPeer, "connectPeer");
        Objects.requireNonNull(relayPeerMessage, "relayPeerMessage");
        Objects.requireNonNull(receivePeerMessages, "receivePeerMessages");
        Objects.requireNonNull(keepPeerAlive, "keepPeerAlive");
        Objects.requireNonNull(disconnectPeer, "disconnectPeer");
        Objects.requireNonNull(generatePeerId, "generatePeerId");
        Objects.requireNonNull(listPeers, "listPeers");
        Objects.requireNonNull(expirePeerMessages, "expirePeerMessages");
        Objects.requireNonNull(issuePeerToken, "issuePeerToken");
    }
}

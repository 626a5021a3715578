/**
 * The PeerJS rules behind the PeerJS-compatible transport: {@link dev.switchboard.domain.peerjs.PeerJsServices}
 * builds the use cases from a {@link dev.switchboard.ports.driven.PeerStore} and the
 * {@link dev.switchboard.domain.PeerJsPolicy}. Behind it, one package-private service per driving port
 * ({@code ConnectPeerService}, {@code RelayPeerMessageService}, {@code ReceivePeerMessagesService},
 * {@code ExpirePeerMessagesService}, ...) holds the rules: realms are API keys, an id belongs to one live
 * socket and its token, a reconnect with the same token supersedes the old socket, every message waits in the
 * recipient's bounded queue until written, and a sender hears {@code EXPIRE} when nobody came for it.
 * {@code Liveness} judges holds and the alive timeout; {@code PeerErrors} keeps the texts the {@code peerjs}
 * client shows. Races (one id, the realm's last place, a full queue) are decided by the store, never here.
 * Optional authentication: {@code IssuePeerTokenService} issues {@code PeerTokens} (server-signed, expiring) for
 * ids a key id owns ({@code OwnedPeerIds}: its SHA-256 fingerprint), and {@code ConnectPeerService} then refuses
 * any other token, so ids cannot be squatted without a single record to store.
 */
package dev.switchboard.domain.peerjs;

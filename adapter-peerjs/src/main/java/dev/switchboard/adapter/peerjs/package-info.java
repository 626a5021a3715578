/**
 * The PeerJS server protocol (as the {@code peer} 1.0.x server speaks it and the {@code peerjs} 1.5.x client
 * expects it) on Netty, translated onto the PeerJS driving ports: {@link
 * dev.switchboard.adapter.peerjs.PeerJsServer} is the entry, configured by {@link
 * dev.switchboard.adapter.peerjs.PeerJsSettings}; {@code PeerJsRoutes} serves the HTTP routes and the
 * upgrade, {@code PeerJsSocket} one WebSocket, {@code PeerJsFrames} the wire format. The port is its own edge:
 * optional TLS from the {@code SSLContext} in the settings, client addresses from trusted proxies only
 * ({@code ForwardedClients}), and a {@code FrameRateLimit} (of {@code transport-netty}) per socket.
 */
package dev.switchboard.adapter.peerjs;

/**
 * The domain's entry: {@link dev.switchboard.domain.SignalingCore} builds every driving port from a
 * {@link dev.switchboard.ports.driven.SignalingStorage}, a clock, an entropy source and the policies
 * ({@link dev.switchboard.domain.SignalingPolicy}, {@link dev.switchboard.domain.PairingPolicy},
 * {@link dev.switchboard.domain.TransferPolicy}, {@link dev.switchboard.domain.EnterprisePolicy},
 * {@link dev.switchboard.domain.RateLimitPolicy}, {@link dev.switchboard.domain.PeerJsPolicy}), directly or
 * through {@code SignalingCore.builder(...)}; {@link dev.switchboard.domain.MasterKeyRing} holds the keys that
 * seal credential secrets and {@link dev.switchboard.domain.ServerSigningKey} the key of the tokens the server
 * signs. The operational use cases live here too, package-private: the rate limiter (GCRA over the shared
 * rate-limit store, failing open), store statistics, health and the sweep. The rules live in the sub-packages
 * ({@code identity}, {@code offers}, {@code pairing}, {@code transfers}, {@code peerjs}, {@code enterprise},
 * {@code audit}, with building blocks in {@code shared}) behind package-private services. Pure Java: the JDK
 * and the ports, nothing else.
 */
package dev.switchboard.domain;

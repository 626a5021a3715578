/**
 * The domain's entry: {@link dev.switchboard.domain.SignalingCore} builds every driving port from a
 * {@link dev.switchboard.ports.driven.SignalingStorage}, a clock, an entropy source and a
 * {@link dev.switchboard.domain.SignalingPolicy}; {@link dev.switchboard.domain.MasterKeyRing} holds the
 * keys that seal credential secrets. The rules live in the sub-packages ({@code offers}, {@code identity})
 * behind package-private services. Pure Java: the JDK and the ports, nothing else.
 */
package dev.switchboard.domain;

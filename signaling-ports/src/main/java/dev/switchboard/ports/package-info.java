/**
 * The contract of Switchboard. Driving ports (use cases the outside calls) live in
 * {@code driving}, driven ports (what the core needs from stores and the platform) in {@code driven},
 * and the immutable values that cross them in {@code model}. {@link dev.switchboard.ports.SignalingException}
 * with its {@link dev.switchboard.ports.ErrorCode} is the one failure vocabulary. JDK only.
 */
package dev.switchboard.ports;

/**
 * Driven ports: what the domain needs from the outside. Stores ({@link dev.switchboard.ports.driven.OfferStore},
 * {@link dev.switchboard.ports.driven.NonceStore}, {@link dev.switchboard.ports.driven.CredentialStore}) offer
 * atomic operations where races matter; {@link dev.switchboard.ports.driven.EventPublisher} wakes waiting
 * readers; {@link dev.switchboard.ports.driven.Entropy} supplies randomness. Time is a
 * {@link java.time.InstantSource}.
 */
package dev.switchboard.ports.driven;

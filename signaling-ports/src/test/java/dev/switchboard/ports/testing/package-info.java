/**
 * Test fixtures for every module: {@link dev.switchboard.ports.testing.SettableClock} for time,
 * {@link dev.switchboard.ports.testing.OfferFixtures} for valid offers and random ids,
 * {@link dev.switchboard.ports.testing.SessionFixtures} for pairing sessions, members and signals,
 * {@link dev.switchboard.ports.testing.TransferFixtures} for relay transfers and chunks of random bytes,
 * {@link dev.switchboard.ports.testing.DeviceFixtures} for registered devices and valid onion endpoints,
 * {@link dev.switchboard.ports.testing.AuditFixtures} for audit events and a recording chain link,
 * {@link dev.switchboard.ports.testing.PeerFixtures} for PeerJS peers, connections and queued messages,
 * {@link dev.switchboard.ports.testing.Race} to run calls concurrently, and
 * {@link dev.switchboard.ports.testing.WakeCounter} to observe wake-ups.
 */
package dev.switchboard.ports.testing;

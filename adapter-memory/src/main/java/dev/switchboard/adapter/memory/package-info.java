/**
 * The embedded default storage: every driven store held in this JVM's memory and lost on restart.
 * {@link dev.switchboard.adapter.memory.InMemoryStorage} is the one public entry; behind it
 * {@code InMemoryOfferStore} decides the offer races under one write lock and keeps each recipient's events
 * in an inbox ({@code Inboxes}) and unanswered offers in discovery order ({@code DiscoveryIndex}), so
 * that reads touch only what can match. {@code InMemorySessionStore} locks per session
 * ({@code SessionSlot}) and per recipient mailbox ({@code Mailboxes}, {@code Mailbox}), never store-wide, and
 * finds a key's sessions through {@code MembershipIndex}. {@code InMemoryTransferStore}
 * locks per transfer ({@code TransferSlot}, which holds the chunks' bytes until acknowledged and their SHA-256
 * after) and counts per sender and address through {@code TransferIndex}; {@code InMemoryDeviceStore} changes
 * devices by compare-and-set in id order; {@code InMemoryAuditLog} appends under one writer lock.
 * {@code InMemoryPeerStore} keeps PeerJS ids per realm ({@code PeerDirectory}) and messages per recipient
 * ({@code PeerQueues}), each decided in one atomic compute on its realm or recipient, with one counter for the
 * store-wide queue bound. {@code InMemoryRateLimitStore} keeps one token bucket's arrival time per key, each
 * decided in one atomic compute; {@code InMemoryStoreStatistics} counts by walking the stores' live records.
 * {@code InMemoryNonceStore},
 * {@code InMemoryCredentialStore} (sorted by id, for key rotation), {@code InMemoryCounterStore} and
 * {@code InMemoryEventPublisher} complete the set.
 */
package dev.switchboard.adapter.memory;

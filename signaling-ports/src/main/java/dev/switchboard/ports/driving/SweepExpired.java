package dev.switchboard.ports.driving;

/**
 * Deletes every expired record (offers with their answers and candidates, nonces, pairing sessions with
 * their mailboxes, counters, transfers with their chunks, devices, full rate-limit buckets, credentials past
 * their lifetime, PeerJS messages nobody came for in time (their senders get {@code EXPIRE}), stale PeerJS
 * connections) and removes the members of open sessions that went silent; run on a schedule. Safe when
 * several instances sweep one store at once: every delete is idempotent.
 */
public interface SweepExpired {

    Swept sweep();

    /** How many records of each kind one sweep deleted, and how many silent members it timed out. */
    record Swept(int offers, int nonces, int sessions, int timedOutMembers, int counters, int expiredTransfers,
            int forgottenTransfers, int devices, int rateLimitBuckets, int credentials, int expiredPeerMessages,
            int stalePeers) {

        /** A sweep that touched no PeerJS state. */
        public Swept(int offers, int nonces, int sessions, int timedOutMembers, int counters, int expiredTransfers,
                int forgottenTransfers, int devices, int rateLimitBuckets, int credentials) {
            this(offers, nonces, sessions, timedOutMembers, counters, expiredTransfers, forgottenTransfers, devices,
                    rateLimitBuckets, credentials, 0, 0);
        }

        /** A sweep that deleted no rate-limit buckets or credentials. */
        public Swept(int offers, int nonces, int sessions, int timedOutMembers, int counters, int expiredTransfers,
                int forgottenTransfers, int devices) {
            this(offers, nonces, sessions, timedOutMembers, counters, expiredTransfers, forgottenTransfers, devices,
                    0, 0, 0, 0);
        }

        /** A sweep of the signaling records only (no transfers or devices deleted). */
        public Swept(int offers, int nonces, int sessions, int timedOutMembers, int counters) {
            this(offers, nonces, sessions, timedOutMembers, counters, 0, 0, 0, 0, 0, 0, 0);
        }
    }
}

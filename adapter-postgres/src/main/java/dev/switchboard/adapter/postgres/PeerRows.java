package dev.switchboard.adapter.postgres;

import static dev.switchboard.adapter.postgres.schema.Tables.PEER_CONNECTIONS;
import static dev.switchboard.adapter.postgres.schema.Tables.PEER_MESSAGES;

import dev.switchboard.adapter.postgres.schema.tables.records.PeerConnectionsRecord;
import dev.switchboard.adapter.postgres.schema.tables.records.PeerMessagesRecord;
import dev.switchboard.ports.model.PeerAddress;
import dev.switchboard.ports.model.PeerConnection;
import dev.switchboard.ports.model.PeerId;
import dev.switchboard.ports.model.PeerMessage;
import dev.switchboard.ports.model.PeerMessageType;
import org.jooq.Condition;

/** Translates PeerJS rows to the ports' values and back; a message's type is stored as its enum name. */
final class PeerRows {

    private PeerRows() {}

    /** The row of {@code peer} in {@code peer_connections}. */
    static Condition connectionOf(PeerAddress peer) {
        return PEER_CONNECTIONS.REALM_KEY.eq(peer.key()).and(PEER_CONNECTIONS.PEER_ID.eq(peer.id().value()));
    }

    /** The queue of {@code recipient} in {@code peer_messages}. */
    static Condition queueOf(PeerAddress recipient) {
        return PEER_MESSAGES.REALM_KEY.eq(recipient.key()).and(PEER_MESSAGES.DST.eq(recipient.id().value()));
    }

    static PeerConnection connection(PeerConnectionsRecord row) {
        return new PeerConnection(new PeerAddress(row.getRealmKey(), new PeerId(row.getPeerId())), row.getToken(),
                row.getConnectionId(), row.getClientAddress(), row.getOpenedAt(), row.getLastSeenAt());
    }

    static PeerConnectionsRecord row(PeerConnection connection) {
        return new PeerConnectionsRecord(connection.peer().key(), connection.peer().id().value(), connection.token(),
                connection.connectionId(), connection.clientAddress(), connection.openedAt(),
                connection.lastSeenAt());
    }

    static PeerMessage message(PeerMessagesRecord row) {
        return new PeerMessage(row.getSequence(), row.getRealmKey(), new PeerId(row.getSrc()), new PeerId(row.getDst()),
                PeerMessageType.valueOf(row.getType()), row.getPayload(), row.getQueuedAt());
    }
}

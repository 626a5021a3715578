package dev.switchboard.adapter.http;

import dev.switchboard.ports.model.ConnectionTicket;
import java.time.Instant;

/** The response of {@code POST /v1/tickets}: a single-use ticket for {@code GET /v1/ws?ticket=}, and when it lapses. */
record TicketJson(String ticket, Instant expiresAt) {

    static TicketJson from(ConnectionTicket ticket) {
        return new TicketJson(ticket.token(), ticket.expiresAt());
    }

    @Override
    public String toString() {
        return "TicketJson[expiresAt=" + expiresAt + "]";
    }
}

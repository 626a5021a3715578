package dev.switchboard.domain.pairing;

import dev.switchboard.domain.shared.MillisecondClock;
import dev.switchboard.ports.driven.Entropy;
import dev.switchboard.ports.driving.IssueConnectionTicket;
import dev.switchboard.ports.model.ConnectionTicket;
import dev.switchboard.ports.model.Identity;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** Issues a signed ticket that opens one WebSocket as the caller within the ticket's short life. */
final class IssueConnectionTicketService implements IssueConnectionTicket {
    private final ConnectionTickets tickets;
    private final InstantSource clock;
    private final Entropy entropy;
    private final Duration ticketTtl;

    IssueConnectionTicketService(ConnectionTickets tickets, InstantSource clock, Entropy entropy, Duration ticketTtl) {
        this.tickets = tickets;
        this.clock = clock;
        this.entropy = entropy;
        this.ticketTtl = ticketTtl;
    }

    @Override
    public ConnectionTicket issue(Identity caller) {
        Instant expiresAt = MillisecondClock.ceilToSeconds(clock.instant().plus(ticketTtl));
        String token = tickets.issue(caller, expiresAt, entropy.nextBytes(ConnectionTickets.NONCE_BYTES));
        return new ConnectionTicket(token, expiresAt);
    }
}

package dev.switchboard.domain.pairing;

import dev.switchboard.ports.driven.NonceStore;
import dev.switchboard.ports.driving.RedeemConnectionTicket;
import dev.switchboard.ports.model.Identity;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Redeems a connection ticket for the identity it was issued to: genuine, unexpired, and never used
 * before (its nonce is remembered until it expires). Every refusal is the same {@code ticket_invalid}, so
 * the caller learns nothing from it; the real reason goes to the log.
 */
final class RedeemConnectionTicketService implements RedeemConnectionTicket {
    /** The nonce store's namespace for tickets; signature key ids never take this form. */
    static final String NONCE_NAMESPACE = "ticket";

    private final ConnectionTickets tickets;
    private final NonceStore nonces;
    private final InstantSource clock;

    RedeemConnectionTicketService(ConnectionTickets tickets, NonceStore nonces, InstantSource clock) {
        this.tickets = tickets;
        this.nonces = nonces;
        this.clock = clock;
    }

    @Override
    public Identity redeem(String ticket) {
        ConnectionTickets.Claims claims = tickets.open(ticket);
        Instant now = clock.instant();
        if (!now.isBefore(claims.expiresAt())) {
            throw PairingErrors.ticketInvalid(
                    "issued to " + claims.identity().keyId() + ", expired at " + claims.expiresAt());
        }
        if (!nonces.rememberIfAbsent(NONCE_NAMESPACE, claims.nonce(), claims.expiresAt())) {
            throw PairingErrors.ticketInvalid(
                    "issued to " + claims.identity().keyId() + ", already redeemed");
        }
        return claims.identity();
    }
}

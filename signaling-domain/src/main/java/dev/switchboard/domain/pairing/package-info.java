/**
 * Pairing sessions and their real-time relay: {@link dev.switchboard.domain.pairing.PairingServices} builds
 * the use cases and the {@link dev.switchboard.domain.pairing.PresenceSweep}. Behind them, one
 * package-private service per driving port ({@code OpenSessionService}, {@code JoinSessionService},
 * {@code SendSignalService}, {@code FetchMessagesService}, {@code RedeemConnectionTicketService}, ...) holds
 * the rules: who may act on a session, how long it lives, how guessing invite codes is limited (a
 * {@code FailureBudget} from the {@code shared} package), and how each store outcome maps to an error code.
 * {@code InviteTokens} and {@code ConnectionTickets} define the two server-signed token formats over the
 * shared {@code SignedTokens}. Races (capacity, live codes, full mailboxes) are decided by the store, never here.
 */
package dev.switchboard.domain.pairing;

package dev.switchboard.domain.pairing;

import dev.switchboard.domain.PairingPolicy;
import dev.switchboard.domain.shared.FailureBudget;
import dev.switchboard.domain.shared.InviteCodes;
import dev.switchboard.domain.shared.MillisecondClock;
import dev.switchboard.ports.driven.CounterStore;
import dev.switchboard.ports.driven.Entropy;
import dev.switchboard.ports.driven.EventPublisher;
import dev.switchboard.ports.driven.NonceStore;
import dev.switchboard.ports.driven.SessionStore;
import dev.switchboard.ports.driving.PairingUseCases;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Builds the pairing use cases (sessions, invites, signals, mailboxes, presence, connection tickets) and
 * the presence sweep, so that {@link dev.switchboard.domain.SignalingCore} can assemble them. Starts
 * nothing and touches no store.
 */
public final class PairingServices {

    private PairingServices() {}

    /** Every pairing use case; {@code clock} is read to the millisecond, the precision stores keep. */
    public static PairingUseCases create(SessionStore sessions, CounterStore counters, NonceStore nonces,
            EventPublisher events, InstantSource clock, Entropy entropy, PairingPolicy policy) {
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(counters, "counters");
        Objects.requireNonNull(nonces, "nonces");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(entropy, "entropy");
        Objects.requireNonNull(policy, "policy");
        InstantSource millis = new MillisecondClock(Objects.requireNonNull(clock, "clock"));
        PairingIds ids = new PairingIds(entropy);
        SessionLifetimes lifetimes = SessionLifetimes.of(policy);
        SessionLookup lookup = new SessionLookup(sessions);
        MemberWakeups wakeups = new MemberWakeups(events);
        InviteTokens invites = new InviteTokens(policy.signingKey());
        ConnectionTickets tickets = new ConnectionTickets(policy.signingKey());
        Departures departures = new Departures(sessions, wakeups, lifetimes);
        return new PairingUseCases(
                new OpenSessionService(sessions, millis, ids, new InviteCodes(entropy), invites, lifetimes, policy),
                new JoinSessionService(sessions, lookup, invites,
                        new FailureBudget(counters, "join-failures", policy.joinFailureBudget(),
                                policy.joinFailureWindow(), PairingErrors::joinBudgetSpent),
                        wakeups, millis, ids, policy.activityExtension()),
                new LeaveSessionService(lookup, departures, millis),
                new CloseSessionService(sessions, lookup, wakeups, millis, lifetimes),
                new GetSessionService(lookup),
                new SendSignalService(sessions, lookup, wakeups, millis, policy.activityExtension(),
                        policy.maxQueuedPerRecipient()),
                new FetchMessagesService(sessions, millis, policy.activityExtension()),
                new AcknowledgeMessagesService(sessions),
                new KeepAliveService(sessions, millis, policy.activityExtension()),
                new IssueConnectionTicketService(tickets, millis, entropy, policy.ticketTtl()),
                new RedeemConnectionTicketService(tickets, nonces, millis));
    }

    /** The sweep that times out silent members, for the expiry sweeper to run with its reading of the clock. */
    public static PresenceSweep presenceSweep(SessionStore sessions, EventPublisher events, PairingPolicy policy) {
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(policy, "policy");
        return new PresenceSweep(sessions,
                new Departures(sessions, new MemberWakeups(events), SessionLifetimes.of(policy)),
                policy.presenceTimeout());
    }
}

package dev.switchboard.domain.pairing;

import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driven.SessionStore;
import dev.switchboard.ports.driven.SessionStore.Delivery;
import dev.switchboard.ports.driving.SendSignal;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.Member;
import dev.switchboard.ports.model.MemberId;
import dev.switchboard.ports.model.PairingSession;
import dev.switchboard.ports.model.SessionMessage;
import dev.switchboard.ports.model.SessionMessage.Signal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Relays a signal from the caller's own membership, never a sender the client names, to one other member
 * or to all of them. Delivery is all or none: when any recipient's mailbox is full, nothing is stored and
 * the sender is refused with {@code mailbox_full} naming that member, so no signal is dropped silently and
 * the sender decides whether to retry.
 */
final class SendSignalService implements SendSignal {
    private final SessionStore sessions;
    private final SessionLookup lookup;
    private final MemberWakeups wakeups;
    private final InstantSource clock;
    private final Duration activityExtension;
    private final int maxQueuedPerRecipient;

    SendSignalService(SessionStore sessions, SessionLookup lookup, MemberWakeups wakeups, InstantSource clock,
            Duration activityExtension, int maxQueuedPerRecipient) {
        this.sessions = sessions;
        this.lookup = lookup;
        this.wakeups = wakeups;
        this.clock = clock;
        this.activityExtension = activityExtension;
        this.maxQueuedPerRecipient = maxQueuedPerRecipient;
    }

    @Override
    public List<Signal> send(Identity caller, Request request) {
        Instant now = clock.instant();
        PairingSession session = lookup.open(request.sessionId(), now);
        Member sender = SessionLookup.membership(session, caller);
        List<Member> recipients = recipients(session, sender, request);
        if (recipients.isEmpty()) {
            return List.of();
        }
        // Plain loops on this path, which runs for every relayed signal.
        List<SessionMessage> signals = new ArrayList<>(recipients.size());
        List<String> recipientKeys = new ArrayList<>(recipients.size());
        for (Member to : recipients) {
            signals.add(new Signal(0, session.id(), to.keyId(), sender.id(), to.id(), request.type(),
                    request.payload(), now));
            recipientKeys.add(to.keyId());
        }
        Delivery delivery = sessions.deliver(session.id(), signals, now, activityExtension, maxQueuedPerRecipient);
        if (delivery instanceof Delivery.Delivered delivered) {
            wakeups.wake(recipientKeys);
            List<Signal> sent = new ArrayList<>(delivered.messages().size());
            for (SessionMessage message : delivered.messages()) {
                sent.add((Signal) message);
            }
            return Collections.unmodifiableList(sent);
        }
        if (delivery instanceof Delivery.MailboxFull full) {
            MemberId recipient = session.memberWithKey(full.recipientKeyId()).map(Member::id)
                    .orElseThrow(() -> new IllegalStateException("the store named a mailbox outside the session"));
            throw PairingErrors.mailboxFull(recipient, maxQueuedPerRecipient);
        }
        throw lookup.gone(session.id(), now);
    }

    /** The addressed member, or every member but the sender when no one is addressed. */
    private static List<Member> recipients(PairingSession session, Member sender, Request request) {
        if (request.to().isEmpty()) {
            List<Member> others = new ArrayList<>(session.members().size());
            for (Member member : session.members()) {
                if (!member.id().equals(sender.id())) {
                    others.add(member);
                }
            }
            return others;
        }
        MemberId to = request.to().get();
        if (to.equals(sender.id())) {
            throw SignalingException.invalid("to", "must be another member, not yourself");
        }
        return List.of(session.member(to).orElseThrow(() -> PairingErrors.recipientNotMember(session.id(), to)));
    }
}

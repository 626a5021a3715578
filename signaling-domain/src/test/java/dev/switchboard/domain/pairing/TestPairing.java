package dev.switchboard.domain.pairing;

import dev.switchboard.adapter.memory.InMemoryStorage;
import dev.switchboard.domain.PairingPolicy;
import dev.switchboard.domain.RiggedEntropy;
import dev.switchboard.domain.ServerSigningKey;
import dev.switchboard.ports.driving.JoinSession;
import dev.switchboard.ports.driving.OpenSession;
import dev.switchboard.ports.driving.PairingUseCases;
import dev.switchboard.ports.driving.SendSignal;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.InviteCode;
import dev.switchboard.ports.model.MemberId;
import dev.switchboard.ports.model.SessionId;
import dev.switchboard.ports.model.SessionMessage;
import dev.switchboard.ports.model.SignalPayload;
import dev.switchboard.ports.model.SignalType;
import dev.switchboard.ports.testing.SettableClock;
import dev.switchboard.ports.testing.WakeCounter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The pairing use cases over the real in-memory stores, a settable clock and rigged entropy, with the
 * one-line steps that pairing tests share.
 */
final class TestPairing {
    static final ServerSigningKey KEY = key((byte) 9);
    static final String ADDRESS = "203.0.113.7";
    static final SignalPayload PAYLOAD = new SignalPayload("{\"sdp\":\"v=0\"}");

    final SettableClock clock = SettableClock.atFixedStart();
    final InMemoryStorage storage = new InMemoryStorage();
    final RiggedEntropy entropy = new RiggedEntropy();
    final PairingPolicy policy;
    final PairingUseCases useCases;

    TestPairing() {
        this(PairingPolicy.defaults(KEY));
    }

    TestPairing(PairingPolicy policy) {
        this.policy = policy;
        this.useCases = PairingServices.create(storage.sessions(), storage.counters(), storage.nonces(),
                storage.events(), clock, entropy, policy);
    }

    static ServerSigningKey key(byte fill) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, fill);
        return ServerSigningKey.of(bytes);
    }

    /** The default policy with another mailbox bound. */
    static PairingPolicy withMaxQueuedPerRecipient(int maxQueued) {
        PairingPolicy d = PairingPolicy.defaults(KEY);
        return new PairingPolicy(d.defaultCapacity(), d.maxCapacity(), d.minSessionTtl(), d.defaultSessionTtl(),
                d.maxSessionTtl(), d.activityExtension(), d.maxSessionLifetime(), d.presenceTimeout(),
                d.closedSessionRetention(), maxQueued, d.maxOpenSessionsPerIdentity(), d.joinFailureBudget(),
                d.joinFailureWindow(), d.ticketTtl(), d.signingKey());
    }

    OpenSession.Opened open(Identity host) {
        return useCases.openSession().open(host, new OpenSession.Request(OptionalInt.empty(), Optional.empty()));
    }

    OpenSession.Opened open(Identity host, int capacity) {
        return useCases.openSession().open(host, new OpenSession.Request(OptionalInt.of(capacity), Optional.empty()));
    }

    OpenSession.Opened open(Identity host, Duration ttl) {
        return useCases.openSession().open(host, new OpenSession.Request(OptionalInt.empty(), Optional.of(ttl)));
    }

    JoinSession.Joined joinByCode(Identity caller, InviteCode code) {
        return joinByCode(caller, code, ADDRESS);
    }

    JoinSession.Joined joinByCode(Identity caller, InviteCode code, String address) {
        return useCases.joinSession().join(caller, new JoinSession.Request(Optional.of(code), Optional.empty(), address));
    }

    JoinSession.Joined joinByToken(Identity caller, String token) {
        return useCases.joinSession().join(caller, new JoinSession.Request(Optional.empty(), Optional.of(token), ADDRESS));
    }

    /** Opens a session of {@code host} with room for everyone and lets the {@code guests} in by code. */
    OpenSession.Opened openWith(Identity host, Identity... guests) {
        OpenSession.Opened opened = open(host, Math.max(2, guests.length + 1));
        for (Identity guest : guests) {
            joinByCode(guest, opened.session().code());
        }
        return opened;
    }

    MemberId memberIdOf(Identity member, SessionId sessionId) {
        return useCases.getSession().get(member, sessionId).memberWithKey(member.keyId()).orElseThrow().id();
    }

    List<SessionMessage.Signal> send(Identity from, SessionId sessionId, MemberId to) {
        return useCases.sendSignal().send(from, new SendSignal.Request(sessionId, Optional.of(to),
                new SignalType("offer"), PAYLOAD));
    }

    List<SessionMessage.Signal> sendToAll(Identity from, SessionId sessionId) {
        return useCases.sendSignal().send(from, new SendSignal.Request(sessionId, Optional.empty(),
                new SignalType("ice-candidate"), PAYLOAD));
    }

    /** Everything unacknowledged in {@code member}'s mailbox. */
    List<SessionMessage> mailbox(Identity member) {
        return storage.sessions().messagesFor(member.keyId(), 0, Integer.MAX_VALUE);
    }

    WakeCounter wakeUpsOf(Identity member) {
        WakeCounter counter = new WakeCounter();
        storage.events().subscribe(member.keyId(), counter);
        return counter;
    }

    PresenceSweep presence() {
        return PairingServices.presenceSweep(storage.sessions(), storage.events(), policy);
    }
}

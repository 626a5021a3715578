package dev.switchboard.domain.pairing;

import dev.switchboard.ports.driven.EventPublisher;
import dev.switchboard.ports.model.Member;
import dev.switchboard.ports.model.PairingSession;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/** Wakes the members a store step just told something, so their long-polls and sockets read it at once. */
final class MemberWakeups {
    private final EventPublisher events;

    MemberWakeups(EventPublisher events) {
        this.events = events;
    }

    /** Every member of {@code session} but the one holding {@code keyId}, who already knows. */
    void othersThan(PairingSession session, String keyId) {
        wake(session.members().stream().map(Member::keyId).filter(key -> !key.equals(keyId))
                .collect(Collectors.toUnmodifiableSet()));
    }

    void everyone(PairingSession session) {
        wake(session.members().stream().map(Member::keyId).collect(Collectors.toUnmodifiableSet()));
    }

    void wake(Collection<String> keyIds) {
        if (!keyIds.isEmpty()) {
            events.publish(Set.copyOf(keyIds));
        }
    }
}

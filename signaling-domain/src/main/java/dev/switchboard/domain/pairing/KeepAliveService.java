package dev.switchboard.domain.pairing;

import dev.switchboard.ports.driven.SessionStore;
import dev.switchboard.ports.driving.KeepAlive;
import dev.switchboard.ports.model.Identity;
import java.time.Duration;
import java.time.InstantSource;

/** A heartbeat: marks the caller seen in every session it is in, so presence does not time it out. */
final class KeepAliveService implements KeepAlive {
    private final SessionStore sessions;
    private final InstantSource clock;
    private final Duration activityExtension;

    KeepAliveService(SessionStore sessions, InstantSource clock, Duration activityExtension) {
        this.sessions = sessions;
        this.clock = clock;
        this.activityExtension = activityExtension;
    }

    @Override
    public void keepAlive(Identity caller) {
        sessions.touch(caller.keyId(), clock.instant(), activityExtension);
    }
}

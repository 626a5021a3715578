package dev.switchboard.domain.pairing;

import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driven.SessionStore;
import dev.switchboard.ports.driving.FetchMessages;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.MessagePage;
import dev.switchboard.ports.model.SessionMessage;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

/**
 * Reads the caller's unacknowledged messages after its cursor, and counts the read as a sign of life.
 * Messages stay until acknowledged, so a fresh fetch from an older cursor delivers them again.
 */
final class FetchMessagesService implements FetchMessages {
    /** The largest page one fetch returns. */
    static final int MAX_PAGE_SIZE = 500;

    private final SessionStore sessions;
    private final InstantSource clock;
    private final Duration activityExtension;

    FetchMessagesService(SessionStore sessions, InstantSource clock, Duration activityExtension) {
        this.sessions = sessions;
        this.clock = clock;
        this.activityExtension = activityExtension;
    }

    @Override
    public MessagePage fetch(Identity caller, long afterSequence, int limit) {
        if (afterSequence < 0) {
            throw SignalingException.invalid("after", "must not be negative");
        }
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw SignalingException.invalid("limit", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        sessions.touch(caller.keyId(), clock.instant(), activityExtension);
        List<SessionMessage> messages = sessions.messagesFor(caller.keyId(), afterSequence, limit);
        long cursor = messages.isEmpty() ? afterSequence : messages.get(messages.size() - 1).sequence();
        return new MessagePage(messages, cursor);
    }
}

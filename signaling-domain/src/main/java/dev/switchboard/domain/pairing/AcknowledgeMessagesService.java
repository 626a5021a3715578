package dev.switchboard.domain.pairing;

import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driven.SessionStore;
import dev.switchboard.ports.driving.AcknowledgeMessages;
import dev.switchboard.ports.model.Identity;

/** Deletes the caller's messages up to a sequence: once acknowledged, a message is never delivered again. */
final class AcknowledgeMessagesService implements AcknowledgeMessages {
    private final SessionStore sessions;

    AcknowledgeMessagesService(SessionStore sessions) {
        this.sessions = sessions;
    }

    @Override
    public int acknowledge(Identity caller, long upToSequence) {
        if (upToSequence < 0) {
            throw SignalingException.invalid("upTo", "must not be negative");
        }
        return sessions.acknowledge(caller.keyId(), upToSequence);
    }
}

package dev.switchboard.ports.model;

import java.util.List;

/** Mailbox messages after a cursor, in sequence order, and the cursor to pass next time. */
public record MessagePage(List<SessionMessage> messages, long cursor) {
    public MessagePage {
        messages = List.copyOf(messages);
        if (cursor < 0) {
            throw new IllegalArgumentException("cursor must not be negative");
        }
    }
}

package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.Identity;

/** Deletes the caller's mailbox messages up to a sequence; returns how many were deleted. */
public interface AcknowledgeMessages {
    int acknowledge(Identity caller, long upToSequence);
}

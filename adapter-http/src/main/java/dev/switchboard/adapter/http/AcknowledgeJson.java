package dev.switchboard.adapter.http;

import dev.switchboard.ports.SignalingException;

/** The body of {@code POST /v1/messages/ack}: acknowledge every message up to {@code upTo}. */
record AcknowledgeJson(Long upTo) {

    long upToSequence() {
        long sequence = Required.field(upTo, "upTo");
        if (sequence < 0) {
            throw SignalingException.invalid("upTo", "must not be negative");
        }
        return sequence;
    }
}

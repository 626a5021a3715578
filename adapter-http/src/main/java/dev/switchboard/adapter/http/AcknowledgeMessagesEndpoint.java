package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.AcknowledgeMessages;

/** {@code POST /v1/messages/ack}: deletes the caller's messages up to a sequence; 200 with how many. */
final class AcknowledgeMessagesEndpoint implements Endpoint {
    private final AcknowledgeMessages acknowledgeMessages;

    AcknowledgeMessagesEndpoint(AcknowledgeMessages acknowledgeMessages) {
        this.acknowledgeMessages = acknowledgeMessages;
    }

    @Override
    public Reply handle(Call call) {
        long upTo = call.body(AcknowledgeJson.class).upToSequence();
        return Reply.ok(new Acknowledged(acknowledgeMessages.acknowledge(call.caller(), upTo)));
    }

    /** The body of the response. */
    record Acknowledged(int acknowledged) {}
}

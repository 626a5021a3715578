package dev.switchboard.adapter.http;

import dev.switchboard.ports.model.SessionMessage;
import java.util.List;

/** The response of {@code POST /v1/sessions/{sessionId}/signals}: one stored signal per recipient, with sequences. */
record SentSignalsJson(List<MessageJson> signals) {

    static SentSignalsJson from(List<SessionMessage.Signal> signals) {
        return new SentSignalsJson(signals.stream().map(MessageJson::from).toList());
    }
}

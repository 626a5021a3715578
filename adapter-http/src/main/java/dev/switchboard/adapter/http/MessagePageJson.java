package dev.switchboard.adapter.http;

import dev.switchboard.ports.model.MessagePage;
import java.util.List;

/** The response of {@code GET /v1/messages}: messages in order, and the cursor to pass as the next {@code after}. */
record MessagePageJson(List<MessageJson> messages, long cursor) {

    static MessagePageJson from(MessagePage page) {
        return new MessagePageJson(page.messages().stream().map(MessageJson::from).toList(), page.cursor());
    }
}

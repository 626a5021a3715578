package dev.switchboard.adapter.http;

import dev.switchboard.ports.model.EventPage;
import java.util.List;

/** The response of {@code GET /v1/events}: events in order, and the cursor to pass as the next {@code after}. */
record EventPageJson(List<EventJson> events, long cursor) {

    static EventPageJson from(EventPage page) {
        return new EventPageJson(page.events().stream().map(EventJson::from).toList(), page.cursor());
    }
}

package dev.switchboard.adapter.http;

import dev.switchboard.ports.model.EventPage;
import java.util.List;

/** The response of {@code GET /v1/events}: events in order, and the cursor to pass as the next {@code after}. */
record EventPageJson(List<EventJson> events, long cursor) {

    static EventPageJson from(EventPage page, WireJson json) {
        return new EventPageJson(page.events().stream().map(event -> EventJson.from(event, json)).toList(),
                page.cursor());
    }
}

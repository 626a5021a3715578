package dev.switchboard.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * One Switchboard instance under test, as the clients see it: its name in the report, where its HTTP API and
 * WebSocket are, a signed-HTTP client for it, and its process for the CPU figures.
 */
record Instance(String name, URI base, SignedHttp http, ProcessMeter process) {

    static Instance at(String name, URI base, long pid) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).build();
        return new Instance(name, base, new SignedHttp(client, base), new ProcessMeter(pid));
    }

    /** The WebSocket URL for {@code ticket}, with {@code query} (such as {@code &eventsAfter=0}) appended. */
    URI webSocket(String ticket, String query) {
        return URI.create("ws://" + base.getAuthority() + "/v1/ws?ticket=" + ticket + query);
    }
}

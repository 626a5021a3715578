package dev.switchboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.IssuePeerToken;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.PeerId;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/peerjs/tokens}: signed, a JSON body with an optional name, 201 with the id and its token. */
class PeerTokenEndpointTest {
    private static final Instant EXPIRES = Instant.parse("2026-01-03T03:04:05Z");

    private final List<Identity> callers = new CopyOnWriteArrayList<>();
    private final List<IssuePeerToken.Request> requests = new CopyOnWriteArrayList<>();
    private final IssuePeerToken issuer = (caller, request) -> {
        callers.add(caller);
        requests.add(request);
        if (request.name().filter(name -> name.contains(" ")).isPresent()) {
            throw SignalingException.invalid("name", "no spaces");
        }
        return new IssuePeerToken.Issued(new PeerId(request.name().map(name -> name + "-").orElse("") + "f00d"),
                "the-token", EXPIRES);
    };
    private RunningServer running;

    @AfterEach
    void stop() {
        running.close();
    }

    @Test
    void issuesATokenToTheSignerForTheNamedId() {
        running = RunningServer.start(RunningServer.settings(), builder -> builder.peerTokens(issuer));

        HttpResponse<String> response = running.send("POST", "/v1/peerjs/tokens", "{\"name\":\"laptop\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = RunningServer.json(response);
        assertThat(body.path("id").asText()).isEqualTo("laptop-f00d");
        assertThat(body.path("token").asText()).isEqualTo("the-token");
        assertThat(body.path("expiresAt").asText()).isEqualTo("2026-01-03T03:04:05.000Z");
        assertThat(callers).containsExactly(UseCaseDoubles.ALICE);
        assertThat(requests).containsExactly(new IssuePeerToken.Request(Optional.of("laptop")));
    }

    @Test
    void takesAnEmptyObjectForTheBareFingerprint() {
        running = RunningServer.start(RunningServer.settings(), builder -> builder.peerTokens(issuer));

        HttpResponse<String> response = running.send("POST", "/v1/peerjs/tokens", "{}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(RunningServer.json(response).path("id").asText()).isEqualTo("f00d");
        assertThat(requests).containsExactly(new IssuePeerToken.Request(Optional.empty()));
    }

    @Test
    void refusesAnUnknownFieldAndAnInvalidName() {
        running = RunningServer.start(RunningServer.settings(), builder -> builder.peerTokens(issuer));

        assertThat(running.send("POST", "/v1/peerjs/tokens", "{\"id\":\"mine\"}").statusCode()).isEqualTo(400);
        assertThat(running.send("POST", "/v1/peerjs/tokens", "{\"name\":\"a b\"}").statusCode()).isEqualTo(422);
    }

    @Test
    void answers404WhenTheServerRunsNoPeerJsEndpoint() {
        running = RunningServer.start();

        HttpResponse<String> response = running.send("POST", "/v1/peerjs/tokens", "{}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(RunningServer.json(response).path("code").asText()).isEqualTo("not_found");
    }
}

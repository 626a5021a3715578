package dev.switchboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WebSocketHandshakeTest {
    private static final String UPGRADE_HEADERS = "Upgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==";

    private final RunningServer running = RunningServer.start();
    private final UseCaseDoubles uses = running.doubles;

    @AfterEach
    void stop() {
        running.close();
    }

    /** The status of the response that refused the upgrade. */
    private static int refusedStatus(Throwable failure) {
        assertThat(failure).hasCauseInstanceOf(WebSocketHandshakeException.class);
        return ((WebSocketHandshakeException) failure.getCause()).getResponse().statusCode();
    }

    @Nested
    class WithoutAValidTicket {

        @Test
        void refusesAMissingTicketWith401AndNoUpgrade() {
            Throwable failure = catchThrowable(() -> SocketClient.open(running, "after=0").join());

            assertThat(refusedStatus(failure)).isEqualTo(401);
            verify(uses.redeemConnectionTicket, never()).redeem(anyString());
        }

        @Test
        void refusesAnUnknownTicketWith401AndNoUpgrade() {
            Throwable failure = catchThrowable(() -> SocketClient.open(running, "ticket=forged").join());

            assertThat(refusedStatus(failure)).isEqualTo(401);
            verify(uses.redeemConnectionTicket).redeem("forged");
        }

        @Test
        void answersAProblemThatDoesNotAskForASignature() {
            RawHttp.Response response = RawHttp.send(running.port(),
                    "GET /v1/ws?ticket=forged HTTP/1.1\r\nHost: test\r\n" + UPGRADE_HEADERS);

            assertThat(response.status()).isEqualTo(401);
            assertThat(RunningServer.json(response.body()).path("code").asText()).isEqualTo("ticket_invalid");
            assertThat(response.headers()).doesNotContainKeys("accept-signature", "upgrade", "sec-websocket-accept");
        }
    }

    @Test
    void keepsTheTicketOfARequestThatCannotBecomeAWebSocket() {
        HttpResponse<String> response = running.get("/v1/ws?ticket=" + UseCaseDoubles.ALICE_TICKET);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RunningServer.json(response).path("code").asText()).isEqualTo("malformed_request");
        verify(uses.redeemConnectionTicket, never()).redeem(anyString());
    }

    @Test
    void keepsTheTicketOfAHandshakeThatDoesNotAskToUpgradeTheConnection() {
        RawHttp.Response response = RawHttp.send(running.port(),
                "GET /v1/ws?ticket=" + UseCaseDoubles.ALICE_TICKET + " HTTP/1.1\r\nHost: test\r\n"
                        + UPGRADE_HEADERS.replace("Connection: Upgrade\r\n", ""));

        assertThat(response.status()).isEqualTo(400);
        assertThat(RunningServer.json(response.body()).path("detail").asText()).contains("Connection: Upgrade");
        verify(uses.redeemConnectionTicket, never()).redeem(anyString());
    }

    @Test
    void refusesANegativeCursorBeforeSpendingTheTicket() {
        RawHttp.Response response = RawHttp.send(running.port(),
                "GET /v1/ws?ticket=" + UseCaseDoubles.ALICE_TICKET + "&after=-1 HTTP/1.1\r\nHost: test\r\n"
                        + UPGRADE_HEADERS);

        assertThat(response.status()).isEqualTo(422);
        assertThat(RunningServer.json(response.body()).path("detail").asText()).isEqualTo("after: must not be negative");
        verify(uses.redeemConnectionTicket, never()).redeem(anyString());
    }

    @Test
    void switchesProtocolsWithAValidTicket() {
        try (SocketClient client = SocketClient.connect(running, "")) {
            assertThat(client.next().path("type").asText()).isEqualTo("welcome");
        }
        verify(uses.redeemConnectionTicket).redeem(UseCaseDoubles.ALICE_TICKET);
    }

    @Nested
    class WhenAnAddressHoldsAsManySocketsAsAllowed {
        private final List<SocketClient> open = new ArrayList<>();

        @AfterEach
        void closeThem() {
            open.forEach(SocketClient::close);
        }

        private void openAll() {
            for (int i = 0; i < RunningServer.webSocketSettings().maxConnectionsPerAddress(); i++) {
                SocketClient client = SocketClient.connect(running, "");
                client.next();
                open.add(client);
            }
        }

        @Test
        void refusesOneMoreWith429WithoutSpendingItsTicket() {
            openAll();

            Throwable failure = catchThrowable(() -> SocketClient.open(running, "ticket=" + UseCaseDoubles.ALICE_TICKET)
                    .orTimeout(5, TimeUnit.SECONDS).join());

            assertThat(refusedStatus(failure)).isEqualTo(429);
            verify(uses.redeemConnectionTicket, times(open.size())).redeem(UseCaseDoubles.ALICE_TICKET);
        }

        @Test
        void admitsAnotherOnceOneHasClosed() {
            openAll();
            SocketClient leaving = open.remove(0);

            leaving.close();
            leaving.awaitClose();

            await().atMost(Duration.ofSeconds(3)).ignoreExceptions()
                    .until(() -> {
                        SocketClient another = SocketClient.connect(running, "");
                        open.add(another);
                        return another.next().path("type").asText().equals("welcome");
                    });
        }
    }
}

package dev.switchboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.ports.model.EventPage;
import dev.switchboard.ports.model.OfferEvent;
import dev.switchboard.ports.model.Role;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LongPollTest {
    private static final long AFTER = 7;
    private static final EventPage NOTHING_NEW = new EventPage(List.of(), AFTER);
    private static final EventPage ONE_CANDIDATE = new EventPage(
            List.of(new OfferEvent.CandidateAdded(Fixtures.candidate(8, Role.ANSWERER))), 8);

    private final RunningServer running = RunningServer.start();
    private final ManualWatch watch = running.doubles.watchEvents;

    @AfterEach
    void stop() {
        running.close();
    }

    private CompletableFuture<HttpResponse<String>> poll(int waitSeconds) {
        return running.sendAsync(running.request("/v1/events?after=" + AFTER + "&wait=" + waitSeconds).GET().build());
    }

    private void pollReturns(EventPage first, EventPage... then) {
        when(running.doubles.pollEvents.poll(UseCaseDoubles.ALICE, AFTER, 100)).thenReturn(first, then);
    }

    @Test
    void answersAtOnceWithoutWatchingWhenEventsAreWaiting() {
        pollReturns(ONE_CANDIDATE);

        HttpResponse<String> response = poll(5).join();

        assertThat(RunningServer.json(response).path("events")).hasSize(1);
        assertThat(watch.subscriptions()).isZero();
    }

    @Test
    void answersAtOnceWithoutWatchingWhenNotAskedToWait() {
        pollReturns(NOTHING_NEW);

        JsonNode page = RunningServer.json(poll(0).join());

        assertThat(page.path("events")).isEmpty();
        assertThat(page.path("cursor").asLong()).isEqualTo(AFTER);
        assertThat(watch.subscriptions()).isZero();
    }

    @Nested
    class WhenNothingHasHappenedYet {

        @BeforeEach
        void nothingNew() {
            pollReturns(NOTHING_NEW);
        }

        @Test
        void answersPromptlyWhenAnEventArrives() {
            CompletableFuture<HttpResponse<String>> response = poll(5);
            await().atMost(Duration.ofSeconds(3)).until(() -> watch.openSubscriptions() == 1);
            assertThat(response).isNotDone();

            pollReturns(ONE_CANDIDATE);
            long woken = System.nanoTime();
            watch.wake();

            JsonNode page = RunningServer.json(response.orTimeout(2, TimeUnit.SECONDS).join());
            assertThat(Duration.ofNanos(System.nanoTime() - woken)).isLessThan(Duration.ofSeconds(1));
            assertThat(page.path("events").get(0).path("type").asText()).isEqualTo("candidate");
            assertThat(page.path("cursor").asLong()).isEqualTo(8);
            await().atMost(Duration.ofSeconds(1)).until(() -> watch.openSubscriptions() == 0);
            assertThat(watch.watchedCallers()).containsExactly(UseCaseDoubles.ALICE);
        }

        @Test
        void keepsWaitingThroughAWakeUpThatBringsNothing() {
            CompletableFuture<HttpResponse<String>> response = poll(5);
            await().atMost(Duration.ofSeconds(3)).until(() -> watch.openSubscriptions() == 1);

            watch.wake();

            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> !response.isDone());
            pollReturns(ONE_CANDIDATE);
            watch.wake();
            assertThat(RunningServer.json(response.orTimeout(2, TimeUnit.SECONDS).join()).path("events")).hasSize(1);
        }

        @Test
        void answersWithTheEmptyPageWhenTheWaitRunsOut() {
            long asked = System.nanoTime();

            HttpResponse<String> response = poll(1).orTimeout(5, TimeUnit.SECONDS).join();

            assertThat(Duration.ofNanos(System.nanoTime() - asked)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(3));
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode page = RunningServer.json(response);
            assertThat(page.path("events")).isEmpty();
            assertThat(page.path("cursor").asLong()).isEqualTo(AFTER);
            assertThat(watch.subscriptions()).isEqualTo(1);
            assertThat(watch.openSubscriptions()).isZero();
        }

        @Test
        void stopsWatchingAtTheLatestWhenTheWaitOfAClientThatWentAwayRunsOut() throws IOException {
            try (Socket socket = new Socket("127.0.0.1", running.port())) {
                OutputStream out = socket.getOutputStream();
                out.write(("GET /v1/events?after=" + AFTER + "&wait=1 HTTP/1.1\r\nHost: test\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                await().atMost(Duration.ofSeconds(3)).until(() -> watch.openSubscriptions() == 1);
            }

            await().atMost(Duration.ofSeconds(3)).until(() -> watch.openSubscriptions() == 0);
            assertThat(running.get("/health").statusCode()).isEqualTo(200);
        }

        @Test
        void answersWaitingPollsWithTheEmptyPageWhenTheServerStops() {
            CompletableFuture<HttpResponse<String>> response = poll(5);
            await().atMost(Duration.ofSeconds(3)).until(() -> watch.openSubscriptions() == 1);

            long closing = System.nanoTime();
            running.close();

            assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofSeconds(2));
            HttpResponse<String> answered = response.orTimeout(2, TimeUnit.SECONDS).join();
            assertThat(answered.statusCode()).isEqualTo(200);
            assertThat(RunningServer.json(answered).path("events")).isEmpty();
            assertThat(watch.openSubscriptions()).isZero();
        }
    }

    @Test
    void catchesAnEventThatLandsBetweenThePollAndTheSubscription() {
        pollReturns(NOTHING_NEW, ONE_CANDIDATE);

        HttpResponse<String> response = poll(5).orTimeout(2, TimeUnit.SECONDS).join();

        assertThat(RunningServer.json(response).path("events")).hasSize(1);
        assertThat(watch.subscriptions()).isEqualTo(1);
        assertThat(watch.openSubscriptions()).isZero();
    }

    @Test
    void refusesAWaitLongerThanTheServerAllows() {
        HttpResponse<String> response = poll((int) RunningServer.MAX_EVENT_WAIT.toSeconds() + 1).join();

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(RunningServer.json(response).path("detail").asText()).isEqualTo("wait: must be from 0 to 5 seconds");
        verify(running.doubles.pollEvents, never()).poll(any(), anyLong(), anyInt());
    }

    @Test
    void refusesAWaitThatIsNotANumber() {
        HttpResponse<String> response = running.get("/v1/events?wait=soon");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RunningServer.json(response).path("code").asText()).isEqualTo("malformed_request");
    }
}

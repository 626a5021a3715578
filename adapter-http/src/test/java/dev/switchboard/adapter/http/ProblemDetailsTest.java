package dev.switchboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProblemDetailsTest {
    private final RunningServer running = RunningServer.start();
    private final CapturedLogs logs = CapturedLogs.of(Failures.class);

    @AfterEach
    void stop() {
        logs.close();
        running.close();
    }

    private HttpResponse<String> getOfferFailingWith(RuntimeException failure) {
        when(running.doubles.discoverOffers.get(Fixtures.OFFER_ID)).thenThrow(failure);
        return running.get("/v1/offers/offer-0001");
    }

    @Nested
    class WhenAUseCaseRefuses {

        @Test
        void answersAnRfc9457ProblemNamingTheCode() {
            HttpResponse<String> response = getOfferFailingWith(
                    new SignalingException(ErrorCode.OFFER_EXPIRED, "offer offer-0001 has expired"));

            assertThat(response.statusCode()).isEqualTo(410);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = RunningServer.json(response);
            assertThat(problem.properties()).extracting(java.util.Map.Entry::getKey)
                    .containsExactly("type", "title", "status", "detail", "code");
            assertThat(problem.path("type").asText()).isEqualTo("urn:switchboard:problem:offer_expired");
            assertThat(problem.path("title").asText()).isEqualTo("Offer expired");
            assertThat(problem.path("status").asInt()).isEqualTo(410);
            assertThat(problem.path("detail").asText()).isEqualTo("offer offer-0001 has expired");
            assertThat(problem.path("code").asText()).isEqualTo("offer_expired");
        }

        @ParameterizedTest
        @EnumSource(ErrorCode.class)
        void answersEveryCodeWithItsTableStatus(ErrorCode code) {
            HttpResponse<String> response = getOfferFailingWith(new SignalingException(code, "refused"));

            assertThat(response.statusCode()).isEqualTo(ErrorStatus.of(code));
            assertThat(RunningServer.json(response).path("code").asText()).isEqualTo(code.wireName());
            assertThat(response.headers().firstValue("Accept-Signature").isPresent())
                    .isEqualTo(ErrorStatus.asksForSignature(code));
            assertThat(response.headers().firstValue("Retry-After").map(Integer::valueOf).stream()
                    .mapToInt(Integer::intValue).findFirst()).isEqualTo(ErrorStatus.retryAfterSeconds(code));
        }

        @Test
        void tellsAFullMailboxsSenderToRetryInASecond() {
            HttpResponse<String> response = getOfferFailingWith(new SignalingException(ErrorCode.MAILBOX_FULL, "full"));

            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        }

        @Test
        void tellsAGuesserThatSpentItsBudgetToComeBackInAMinute() {
            HttpResponse<String> response = getOfferFailingWith(new SignalingException(ErrorCode.RATE_LIMITED, "slow"));

            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("60");
        }

        @Test
        void promisesNoRetryTimeForAQuotaThatOnlyTheCallerCanFree() {
            HttpResponse<String> response = getOfferFailingWith(new SignalingException(ErrorCode.LIMIT_REACHED, "all"));

            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(response.headers().firstValue("Retry-After")).isEmpty();
        }

        @Test
        void refusesABadTicketWithoutAskingForASignature() {
            HttpResponse<String> response = getOfferFailingWith(
                    new SignalingException(ErrorCode.TICKET_INVALID, "the connection ticket is not valid"));

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Accept-Signature")).isEmpty();
        }

        @Test
        void logsWhyAuthenticationFailedButNeverTellsTheClient() {
            when(running.doubles.authenticateRequest.authenticate(any())).thenThrow(new SignalingException(
                    ErrorCode.AUTHENTICATION_FAILED, "authentication failed", "no credential hk_missing"));

            HttpResponse<String> response = running.get("/v1/events");

            assertThat(response.body()).doesNotContain("hk_missing");
            assertThat(logs.events()).anySatisfy(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.INFO);
                assertThat(event.getFormattedMessage()).contains("authentication_failed", "no credential hk_missing");
            });
        }
    }

    @Nested
    class WhenSomethingUnexpectedFails {

        @Test
        void answersInternalErrorWithAnIdAndNothingOfTheFailure() {
            HttpResponse<String> response = getOfferFailingWith(
                    new IllegalStateException("connection to db-7.internal refused for user admin"));

            assertThat(response.statusCode()).isEqualTo(500);
            JsonNode problem = RunningServer.json(response);
            assertThat(problem.path("code").asText()).isEqualTo("internal_error");
            assertThat(problem.path("errorId").asText()).isNotBlank();
            assertThat(response.body()).doesNotContain("db-7", "admin", "IllegalState", "java.");
        }

        @Test
        void logsTheIdWithTheStackTraceAtError() {
            IllegalStateException failure = new IllegalStateException("the real reason");

            String errorId = RunningServer.json(getOfferFailingWith(failure)).path("errorId").asText();

            List<ILoggingEvent> errors = logs.events().stream().filter(e -> e.getLevel() == Level.ERROR).toList();
            assertThat(errors).singleElement().satisfies(event -> {
                assertThat(event.getFormattedMessage()).contains(errorId, "GET /v1/offers/offer-0001");
                assertThat(event.getThrowableProxy().getMessage()).isEqualTo("the real reason");
            });
        }

        @Test
        void givesEachFailureItsOwnId() {
            when(running.doubles.discoverOffers.get(Fixtures.OFFER_ID)).thenThrow(new IllegalStateException("boom"));

            String first = RunningServer.json(running.get("/v1/offers/offer-0001")).path("errorId").asText();
            String second = RunningServer.json(running.get("/v1/offers/offer-0001")).path("errorId").asText();

            assertThat(first).isNotEqualTo(second);
        }
    }
}

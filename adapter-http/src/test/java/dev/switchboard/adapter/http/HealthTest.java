package dev.switchboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import ch.qos.logback.classic.Level;
import dev.switchboard.ports.model.StoreHealth;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthTest {
    private final RunningServer running = RunningServer.start();

    @AfterEach
    void stop() {
        running.close();
    }

    @Test
    void reportsUpWithTheVersionAndStoreWhileTheStoreAnswers() {
        HttpResponse<String> response = running.get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"status\":\"up\",\"version\":\"9.9.9-test\",\"store\":\"memory\",\"ready\":true}");
    }

    @Test
    void reportsDownWhenTheStoreDoesNotAnswer() {
        when(running.doubles.reportHealth.report()).thenReturn(new StoreHealth("postgres", false));

        HttpResponse<String> response = running.get("/health");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("{\"status\":\"down\",\"version\":\"9.9.9-test\",\"store\":\"postgres\",\"ready\":false}");
    }

    @Test
    void reportsDownWhenTheHealthCheckItselfFailsAndLogsWhy() {
        when(running.doubles.reportHealth.report()).thenThrow(new IllegalStateException("pool exhausted"));

        HttpResponse<String> response;
        try (CapturedLogs logs = CapturedLogs.of(HealthEndpoints.class)) {
            response = running.get("/health");
            assertThat(logs.events()).singleElement().satisfies(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getThrowableProxy().getMessage()).isEqualTo("pool exhausted");
            });
        }

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(RunningServer.json(response).path("status").asText()).isEqualTo("down");
        assertThat(response.body()).doesNotContain("pool");
    }
}

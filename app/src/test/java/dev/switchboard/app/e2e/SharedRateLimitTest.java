package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.adapter.postgres.PostgresSettings;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The security suite: two instances on one PostgreSQL enforce one rate-limit budget between them. */
class SharedRateLimitTest {
    private static final int QUOTA = 4;

    private final String schema = "shared_limit_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    private final PostgresSettings database = TestDatabase.createSchema(schema);

    @AfterEach
    void dropSchema() {
        TestDatabase.dropSchema(schema);
    }

    private StartedSwitchboard instance() {
        Map<String, String> settings = new HashMap<>(TestDatabase.switchboardSettings(database));
        settings.put("SWITCHBOARD_RATE_LIMIT_CREDENTIALS_PER_ADDRESS", QUOTA + "/1h");
        return StartedSwitchboard.start(settings);
    }

    private static int issue(StartedSwitchboard instance) {
        Api api = instance.api();
        return api.send(api.request("/v1/credentials").POST(HttpRequest.BodyPublishers.noBody()).build()).status();
    }

    @Test
    void spendsOneBudgetWhicheverInstanceAnswers() {
        try (StartedSwitchboard first = instance(); StartedSwitchboard second = instance()) {
            assertThat(issue(first)).isEqualTo(201);
            assertThat(issue(second)).isEqualTo(201);
            assertThat(issue(first)).isEqualTo(201);
            assertThat(issue(second)).isEqualTo(201);

            assertThat(issue(first)).as("the budget is spent on both").isEqualTo(429);
            assertThat(issue(second)).as("the budget is spent on both").isEqualTo(429);
        }
    }
}

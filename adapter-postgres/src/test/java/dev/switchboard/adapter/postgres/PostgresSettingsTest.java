package dev.switchboard.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Settings validate themselves and never show the password. */
class PostgresSettingsTest {
    private static final String URL = "jdbc:postgresql://db.internal:5432/switchboard";

    @Test
    void defaultsToAPoolOfTwoToTwentyAndAFiveSecondTimeout() {
        PostgresSettings settings = PostgresSettings.of(URL, "switchboard", "secret");

        assertThat(settings.minPoolSize()).isEqualTo(2);
        assertThat(settings.maxPoolSize()).isEqualTo(20);
        assertThat(settings.connectionTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Nested
    class Refusing {
        @Test
        void aUrlForAnotherDatabase() {
            assertThatThrownBy(() -> PostgresSettings.of("jdbc:mysql://db/x?password=secret", "u", "p"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("jdbcUrl")
                    .hasMessageNotContaining("secret");
        }

        @Test
        void aBlankUser() {
            assertThatThrownBy(() -> PostgresSettings.of(URL, " ", "p"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("user");
        }

        @Test
        void anEmptyPool() {
            assertThatThrownBy(() -> PostgresSettings.of(URL, "u", "p").withPoolSize(0, 5))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("minPoolSize");
        }

        @Test
        void aMaximumBelowTheMinimum() {
            assertThatThrownBy(() -> PostgresSettings.of(URL, "u", "p").withPoolSize(5, 4))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("maxPoolSize");
        }

        @Test
        void anOversizedPool() {
            assertThatThrownBy(() -> PostgresSettings.of(URL, "u", "p").withPoolSize(2, 201))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("maxPoolSize");
        }

        @Test
        void aTimeoutTooShortForThePool() {
            assertThatThrownBy(() -> PostgresSettings.of(URL, "u", "p").withConnectionTimeout(Duration.ofMillis(100)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("connectionTimeout");
        }
    }

    @Nested
    class HidingThePassword {
        @Test
        void leavesItOutOfTheDescription() {
            assertThat(PostgresSettings.of(URL, "switchboard", "hunter2").toString())
                    .contains(URL, "switchboard")
                    .doesNotContain("hunter2");
        }

        @Test
        void masksOneWrittenIntoTheUrl() {
            PostgresSettings settings =
                    PostgresSettings.of(URL + "?ssl=true&password=hunter2&sslmode=require", "switchboard", "");

            assertThat(settings.redactedUrl()).isEqualTo(URL + "?ssl=true&password=***&sslmode=require");
            assertThat(settings.toString()).doesNotContain("hunter2");
        }

        @Test
        void masksOneWrittenAsUserInformation() {
            PostgresSettings settings =
                    PostgresSettings.of("jdbc:postgresql://switchboard:hunter2@db.internal/switchboard", "u", "");

            assertThat(settings.redactedUrl()).isEqualTo("jdbc:postgresql://switchboard:***@db.internal/switchboard");
        }
    }
}

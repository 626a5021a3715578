package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.app.StoreKind;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

/** {@code GET /metrics}: what the composition root records (JVM, store latency, sweeper, pool) is scraped. */
@OnEveryStore
class MetricsTest {

    /** The store of this run, which {@link RunningSwitchboard} starts the application on. */
    @Parameter
    StoreKind store;

    @RegisterExtension
    static final RunningSwitchboard SWITCHBOARD = RunningSwitchboard.withTestSettingsAnd(Map.of(
            "SWITCHBOARD_SWEEP_INTERVAL_SECONDS", "1"));

    private final Api api = SWITCHBOARD.api();

    private String scrape() {
        ApiResponse metrics = api.get("/metrics");
        assertThat(metrics.status()).as("%s", metrics).isEqualTo(200);
        return metrics.body();
    }

    @Test
    void servesTheJvmsMeters() {
        assertThat(scrape()).contains("jvm_memory_used_bytes").contains("jvm_gc_").contains("jvm_threads_live")
                .contains("jvm_classes_loaded").contains("process_uptime_seconds").contains("system_cpu_count");
    }

    @Test
    void timesEveryStoreCallByStoreAndOperation() {
        api.newHmacPeer();

        assertThat(scrape()).containsPattern(
                "switchboard_store_latency_seconds_count\\{[^}]*operation=\"save\"[^}]*store=\"credentials\"[^}]*} "
                        + "[1-9]");
    }

    @Test
    void countsWhatTheSweeperDeletedByKind() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(scrape())
                .contains("switchboard_sweeper_deleted_total{kind=\"offers\"")
                .contains("switchboard_sweeper_deleted_total{kind=\"rate_limit_buckets\"")
                .contains("switchboard_sweeper_deleted_total{kind=\"credentials\""));
    }

    @Test
    void showsThePoolOnlyOnPostgres() {
        String scraped = scrape();
        if (store == StoreKind.POSTGRES) {
            assertThat(scraped).contains("switchboard_db_pool_connections{state=\"active\"}")
                    .contains("switchboard_db_pool_connections{state=\"pending\"}")
                    .containsPattern("switchboard_db_pool_max [1-9]");
        } else {
            assertThat(scraped).doesNotContain("switchboard_db_pool");
        }
    }

    @Test
    void hasNoMetricsRouteWhenMetricsAreOff() {
        try (StartedSwitchboard off = StartedSwitchboard.start(Map.of("SWITCHBOARD_METRICS_ENABLED", "false"))) {
            assertThat(off.api().get("/metrics").status()).isEqualTo(404);
        }
    }
}

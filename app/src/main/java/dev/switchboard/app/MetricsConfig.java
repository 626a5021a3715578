package dev.switchboard.app;

/**
 * Whether {@code GET /metrics} serves Prometheus metrics. See {@code docs/operations.md#metrics}.
 *
 * @param enabled false removes the route and records nothing
 */
public record MetricsConfig(boolean enabled) {

    static MetricsConfig read(SettingsReader settings) {
        return new MetricsConfig(settings.flag("SWITCHBOARD_METRICS_ENABLED", true));
    }
}

package dev.switchboard.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.micrometer.core.instrument.MeterRegistry;

/** Binds the meter registry: Prometheus when metrics are enabled, one that records nothing otherwise. */
final class MetricsModule extends AbstractModule {
    private final MetricsConfig metrics;

    MetricsModule(MetricsConfig metrics) {
        this.metrics = metrics;
    }

    @Provides
    @Singleton
    PrometheusMetrics prometheus() {
        return PrometheusMetrics.of(metrics);
    }

    @Provides
    @Singleton
    MeterRegistry registry(PrometheusMetrics prometheus) {
        return prometheus.registry();
    }
}

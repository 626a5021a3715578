package dev.switchboard.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The meter registry of one running Switchboard: a Prometheus registry with the JVM's meters when metrics are
 * enabled, otherwise a registry that records nothing (so that every meter can be registered unconditionally).
 */
final class PrometheusMetrics implements AutoCloseable {
    private final MeterRegistry registry;
    private final Optional<Supplier<String>> scrape;
    private final JvmGcMetrics gc;

    private PrometheusMetrics(MeterRegistry registry, Optional<Supplier<String>> scrape, JvmGcMetrics gc) {
        this.registry = registry;
        this.scrape = scrape;
        this.gc = gc;
    }

    /** A Prometheus registry with memory, GC, thread, class-loader, processor and uptime meters. */
    static PrometheusMetrics enabled() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(prometheus);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(prometheus);
        new JvmThreadMetrics().bindTo(prometheus);
        new ClassLoaderMetrics().bindTo(prometheus);
        new ProcessorMetrics().bindTo(prometheus);
        new UptimeMetrics().bindTo(prometheus);
        return new PrometheusMetrics(prometheus, Optional.of(prometheus::scrape), gc);
    }

    /** A registry without any backing registry: meters registered on it record nothing. */
    static PrometheusMetrics disabled() {
        return new PrometheusMetrics(new CompositeMeterRegistry(), Optional.empty(), null);
    }

    static PrometheusMetrics of(MetricsConfig config) {
        return config.enabled() ? enabled() : disabled();
    }

    MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition, when metrics are enabled. */
    Optional<Supplier<String>> scrape() {
        return scrape;
    }

    /** Stops listening to GC notifications. */
    @Override
    public void close() {
        if (gc != null) {
            gc.close();
        }
        registry.close();
    }
}

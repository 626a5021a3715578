package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.ReportHealth;
import dev.switchboard.ports.model.StoreHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /health}: 200 while the store answers, 503 otherwise, so a balancer can take the node out. */
final class HealthEndpoint implements Endpoint {
    private static final Logger LOG = LoggerFactory.getLogger(HealthEndpoint.class);

    private final ReportHealth reportHealth;
    private final String version;

    HealthEndpoint(ReportHealth reportHealth, String version) {
        this.reportHealth = reportHealth;
        this.version = version;
    }

    @Override
    public Reply handle(Call call) {
        StoreHealth health;
        try {
            health = reportHealth.report();
        } catch (RuntimeException e) {
            LOG.warn("the health report failed; answering down", e);
            return new Reply.Json(503, new HealthJson("down", version, "unknown"));
        }
        return health.available()
                ? Reply.ok(new HealthJson("up", version, health.kind()))
                : new Reply.Json(503, new HealthJson("down", version, health.kind()));
    }
}

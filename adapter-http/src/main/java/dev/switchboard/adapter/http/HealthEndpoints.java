package dev.switchboard.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.switchboard.ports.driving.ReportHealth;
import dev.switchboard.ports.driving.ReportStatistics;
import dev.switchboard.ports.model.Statistics;
import dev.switchboard.ports.model.StoreHealth;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health checks: {@code GET /health/live} (200 while the process serves), {@code GET /health/ready}
 * (200 only while the store answers and the server is not shutting down; a balancer takes the node out on
 * 503), and {@code GET /health}, the summary, which an admin may ask for in detail ({@code ?detail=true}:
 * store statistics, open sockets, waiting long-polls).
 */
final class HealthEndpoints {
    static final String LIVE = "/health/live";
    static final String READY = "/health/ready";
    static final Set<String> QUERY = Set.of("detail");
    private static final Logger LOG = LoggerFactory.getLogger(HealthEndpoints.class);

    private final ReportHealth reportHealth;
    private final String version;
    private final AdminAccess adminAccess;
    private final Optional<ReportStatistics> reportStatistics;
    private final OpenSockets sockets;
    private final PendingPolls polls;
    private volatile boolean stopping;

    HealthEndpoints(ReportHealth reportHealth, String version, AdminAccess adminAccess,
            Optional<ReportStatistics> reportStatistics, OpenSockets sockets, PendingPolls polls) {
        this.reportHealth = reportHealth;
        this.version = version;
        this.adminAccess = adminAccess;
        this.reportStatistics = reportStatistics;
        this.sockets = sockets;
        this.polls = polls;
    }

    /** From now on the server is not ready: the first step of shutting down. */
    void stopping() {
        stopping = true;
    }

    Reply live(Call call) {
        return Reply.ok(new ProbeJson("live"));
    }

    Reply ready(Call call) {
        boolean ready = !stopping && store().available();
        return ready ? Reply.ok(new ProbeJson("ready")) : new Reply.Json(503, new ProbeJson("not_ready"));
    }

    Reply summary(Call call) {
        boolean detail = call.query().text("detail").filter("true"::equals).isPresent();
        if (detail) {
            adminAccess.admit(call);
        }
        StoreHealth health = store();
        String status = health.available() ? "up" : "down";
        boolean ready = health.available() && !stopping;
        Object body = detail
                ? new HealthDetailJson(status, version, health.kind(), ready, statistics(), sockets.size(),
                        polls.size())
                : new HealthJson(status, version, health.kind(), ready);
        return new Reply.Json(health.available() ? 200 : 503, body);
    }

    private StoreHealth store() {
        try {
            return reportHealth.report();
        } catch (RuntimeException e) {
            LOG.warn("the health report failed; answering down", e);
            return new StoreHealth("unknown", false);
        }
    }

    private Statistics statistics() {
        try {
            return reportStatistics.map(ReportStatistics::report).orElse(null);
        } catch (RuntimeException e) {
            LOG.warn("the store statistics failed; the health detail goes without", e);
            return null;
        }
    }

    /** The body of a probe: {@code live}, {@code ready} or {@code not_ready}. */
    record ProbeJson(String status) {}

    /** The admin's view of {@code GET /health?detail=true}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record HealthDetailJson(String status, String version, String store, boolean ready, Statistics statistics,
            int openSockets, int pendingPolls) {}
}

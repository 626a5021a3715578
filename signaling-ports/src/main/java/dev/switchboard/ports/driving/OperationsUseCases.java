package dev.switchboard.ports.driving;

import java.util.Objects;

/** The driving ports a transport needs to run a server in production: rate limits and store statistics. */
public record OperationsUseCases(AdmitRequest admitRequest, ReportStatistics reportStatistics) {
    public OperationsUseCases {
        Objects.requireNonNull(admitRequest, "admitRequest");
        Objects.requireNonNull(reportStatistics, "reportStatistics");
    }
}

package dev.switchboard.app;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The storage technologies Switchboard can run on, by their configuration names. */
public enum StoreKind {
    /** Everything in this JVM's memory: no set-up, nothing survives a restart. */
    MEMORY("memory", false, false),
    /** PostgreSQL through {@code adapter-postgres}: survives restarts, shared by any number of instances. */
    POSTGRES("postgres", true, true);

    private final String configName;
    private final boolean durable;
    private final boolean callsWait;

    StoreKind(String configName, boolean durable, boolean callsWait) {
        this.configName = configName;
        this.durable = durable;
        this.callsWait = callsWait;
    }

    /** The name used in {@code SWITCHBOARD_STORE} and reported by {@code /health}. */
    public String configName() {
        return configName;
    }

    /** Whether stored credentials outlive the process, so their sealing key must be configured. */
    public boolean durable() {
        return durable;
    }

    /**
     * Whether a call may wait on something outside the process (a database round trip), so that use cases over
     * this store must stay off the network threads.
     */
    public boolean callsWait() {
        return callsWait;
    }

    static Optional<StoreKind> byConfigName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.configName.equals(name)).findFirst();
    }

    static String allowedNames() {
        return Arrays.stream(values()).map(StoreKind::configName).collect(Collectors.joining(", "));
    }
}

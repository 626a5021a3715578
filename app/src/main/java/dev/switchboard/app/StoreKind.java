package dev.switchboard.app;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The storage technologies Switchboard can run on, by their configuration names. */
public enum StoreKind {
    /** Everything in this JVM's memory: no set-up, nothing survives a restart. */
    MEMORY("memory", false),
    /** PostgreSQL through {@code adapter-postgres}: survives restarts, shared by any number of instances. */
    POSTGRES("postgres", true);

    private final String configName;
    private final boolean durable;

    StoreKind(String configName, boolean durable) {
        this.configName = configName;
        this.durable = durable;
    }

    /** The name used in {@code SWITCHBOARD_STORE} and reported by {@code /health}. */
    public String configName() {
        return configName;
    }

    /** Whether stored credentials outlive the process, so their sealing key must be configured. */
    public boolean durable() {
        return durable;
    }

    static Optional<StoreKind> byConfigName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.configName.equals(name)).findFirst();
    }

    static String allowedNames() {
        return Arrays.stream(values()).map(StoreKind::configName).collect(Collectors.joining(", "));
    }
}

package dev.switchboard.app.e2e;

import dev.switchboard.adapter.postgres.PostgresSettings;
import dev.switchboard.app.StoreKind;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.AfterClassTemplateInvocationCallback;
import org.junit.jupiter.api.extension.BeforeClassTemplateInvocationCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.ParameterInfo;

/**
 * Runs the real application for each {@link OnEveryStore} invocation of a suite, on that invocation's store.
 * Register it as a {@code static} field with {@code @RegisterExtension}; the suite declares the store as its
 * {@code @Parameter}, which is where this extension reads it from.
 */
final class RunningSwitchboard implements BeforeClassTemplateInvocationCallback, AfterClassTemplateInvocationCallback {
    private final Map<String, String> overrides;
    private final boolean ownSchema;
    private StartedSwitchboard switchboard;
    private Optional<String> schema = Optional.empty();

    private RunningSwitchboard(Map<String, String> overrides, boolean ownSchema) {
        this.overrides = overrides;
        this.ownSchema = ownSchema;
    }

    static RunningSwitchboard withTestSettings() {
        return withTestSettingsAnd(Map.of());
    }

    /** The shared test settings ({@link StartedSwitchboard#TEST_SETTINGS}), some of them replaced or added. */
    static RunningSwitchboard withTestSettingsAnd(Map<String, String> overrides) {
        return new RunningSwitchboard(Map.copyOf(overrides), false);
    }

    /**
     * Like {@link #withTestSettingsAnd}, but on PostgreSQL in a new, empty schema of its own, dropped afterwards:
     * for suites whose assertions count what the whole server holds (its byte budget, an address's failures,
     * the audit log), which other suites sharing the database would otherwise add to.
     */
    static RunningSwitchboard inOwnSchemaWith(Map<String, String> overrides) {
        return new RunningSwitchboard(Map.copyOf(overrides), true);
    }

    @Override
    public void beforeClassTemplateInvocation(ExtensionContext context) {
        StoreKind store = ParameterInfo.get(context).getArguments().get(0, StoreKind.class);
        if (ownSchema && store == StoreKind.POSTGRES) {
            String name = "suite_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
            Map<String, String> settings = new HashMap<>(
                    TestDatabase.switchboardSettings(TestDatabase.createSchema(name)));
            schema = Optional.of(name);
            settings.putAll(overrides);
            switchboard = StartedSwitchboard.start(settings);
        } else {
            switchboard = StartedSwitchboard.start(store, overrides);
        }
    }

    @Override
    public void afterClassTemplateInvocation(ExtensionContext context) {
        switchboard.close();
        switchboard = null;
        schema.ifPresent(TestDatabase::dropSchema);
        schema = Optional.empty();
    }

    /** The PostgreSQL database a postgres invocation runs on, in its own schema if it has one. */
    PostgresSettings database() {
        return schema.map(TestDatabase::inSchema).orElseGet(TestDatabase::shared);
    }

    Api api() {
        return running().api();
    }

    /** The port of the PeerJS endpoint. */
    int peerJsPort() {
        return running().peerJsPort();
    }

    private StartedSwitchboard running() {
        if (switchboard == null) {
            throw new IllegalStateException("not running: annotate the suite with @OnEveryStore");
        }
        return switchboard;
    }
}

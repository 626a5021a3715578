package dev.switchboard.app.e2e;

import dev.switchboard.app.StoreKind;
import java.util.Map;
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
    private StartedSwitchboard switchboard;

    private RunningSwitchboard(Map<String, String> overrides) {
        this.overrides = overrides;
    }

    static RunningSwitchboard withTestSettings() {
        return withTestSettingsAnd(Map.of());
    }

    /** The shared test settings ({@link StartedSwitchboard#TEST_SETTINGS}), some of them replaced or added. */
    static RunningSwitchboard withTestSettingsAnd(Map<String, String> overrides) {
        return new RunningSwitchboard(Map.copyOf(overrides));
    }

    @Override
    public void beforeClassTemplateInvocation(ExtensionContext context) {
        StoreKind store = ParameterInfo.get(context).getArguments().get(0, StoreKind.class);
        switchboard = StartedSwitchboard.start(store, overrides);
    }

    @Override
    public void afterClassTemplateInvocation(ExtensionContext context) {
        switchboard.close();
        switchboard = null;
    }

    Api api() {
        if (switchboard == null) {
            throw new IllegalStateException("not running: annotate the suite with @OnEveryStore");
        }
        return switchboard.api();
    }
}

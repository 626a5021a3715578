package dev.switchboard.app;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import dev.switchboard.adapter.http.HttpSettings;
import dev.switchboard.adapter.http.SignalingHttpServer;
import dev.switchboard.domain.SignalingCore;
import dev.switchboard.ports.driven.SignalingStorage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running application and its ordered lifecycle: storage, then the core, then the HTTP server, then
 * the expiry sweeper; {@link #close()} stops them in reverse. Guice only assembles objects; everything
 * that opens a socket or starts a thread happens here, in this order.
 */
public final class Switchboard implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Switchboard.class);

    private final Deque<Component> started;
    private final int httpPort;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Switchboard(Deque<Component> started, int httpPort) {
        this.started = started;
        this.httpPort = httpPort;
    }

    /**
     * Starts every component in order; if one fails, stops those already started and rethrows.
     * Returns once the HTTP server accepts connections.
     */
    public static Switchboard start(SwitchboardConfig config) {
        String version = AppVersion.current();
        Injector injector = Guice.createInjector(
                storeModule(config.store().kind()),
                new CoreModule(config.signing(), config.offers()),
                new HttpModule(config.http(), version));
        Deque<Component> started = new ArrayDeque<>();
        try {
            SignalingStorage storage = injector.getInstance(SignalingStorage.class);
            if (storage instanceof AutoCloseable closeable) {
                started.push(new Component("storage", closeable));
            }
            SignalingCore core = injector.getInstance(SignalingCore.class);
            SignalingHttpServer server =
                    SignalingHttpServer.start(injector.getInstance(HttpSettings.class), core.useCases());
            started.push(new Component("HTTP server", server::close));
            started.push(new Component("expiry sweeper",
                    ExpirySweeper.start(core.sweeper(), config.store().sweepInterval())));
            log.info("Switchboard {} started: store={}, listening on {}:{}",
                    version, config.store().kind().configName(), config.http().host(), server.port());
            return new Switchboard(started, server.port());
        } catch (RuntimeException e) {
            stopAll(started);
            throw e;
        }
    }

    /** The store is chosen here, outside any module, so that modules stay free of conditional logic. */
    private static Module storeModule(StoreKind kind) {
        return switch (kind) {
            case MEMORY -> new InMemoryStoreModule();
        };
    }

    /** The port the HTTP API listens on; the one picked by the system when configured as 0. */
    public int httpPort() {
        return httpPort;
    }

    /** Stops every component in the reverse order of starting. Calling it again does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            stopAll(started);
            log.info("Switchboard stopped");
        }
    }

    private static void stopAll(Deque<Component> started) {
        while (!started.isEmpty()) {
            Component component = started.pop();
            try {
                component.resource().close();
            } catch (Exception e) {
                // Keep going: one component failing to stop must not keep the others running.
                log.warn("Stopping the {} failed", component.name(), e);
            }
        }
    }

    /** Something started, with the name its stop is logged under. */
    private record Component(String name, AutoCloseable resource) {}
}

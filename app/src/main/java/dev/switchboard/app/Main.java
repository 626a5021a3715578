package dev.switchboard.app;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts Switchboard from the process environment ({@code java -jar switchboard.jar}) and stops it
 * gracefully on SIGTERM or Ctrl-C. Exits with 2 when the configuration is invalid, 1 when start-up fails.
 */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);
    private static final int INVALID_CONFIGURATION = 2;
    private static final int START_FAILED = 1;

    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        SwitchboardConfig config;
        try {
            config = SwitchboardConfig.fromProcess();
        } catch (InvalidConfigurationException e) {
            log.error("Switchboard cannot start: {}", e.getMessage());
            System.exit(INVALID_CONFIGURATION);
            return;
        }
        Switchboard switchboard;
        try {
            switchboard = Switchboard.start(config);
        } catch (RuntimeException e) {
            log.error("Switchboard failed to start", e);
            System.exit(START_FAILED);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            switchboard.close();
            stopped.countDown();
        }, "switchboard-shutdown"));
        // The main thread lives as long as the application, whatever threads the server happens to use.
        stopped.await();
    }
}

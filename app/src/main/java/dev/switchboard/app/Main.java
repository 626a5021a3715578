package dev.switchboard.app;

import dev.switchboard.ports.driving.VerifyAuditLog;
import dev.switchboard.ports.model.Edition;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jar's entry point: {@code serve} (the default) runs Switchboard from the process environment and stops it
 * gracefully on SIGTERM or Ctrl-C, after draining for {@code SWITCHBOARD_HTTP_SHUTDOWN_DRAIN_SECONDS} (not ready,
 * still serving; a second signal ends the drain early); {@code migrate} applies pending PostgreSQL schema migrations and exits;
 * {@code verify-audit} checks the Enterprise audit log's hash chain and exits 0 when intact, 3 when broken;
 * {@code rotate-keys} re-encrypts stored secrets to the current master key and exits 0 when all are resealed, 3
 * when some could not be opened. Exits with 2 when the configuration or the command line is invalid, 1 when
 * start-up, migrating or reading the store fails.
 */
public final class Main {
    static {
        // Before any jOOQ class loads: otherwise jOOQ prints a logo and a "tip of the day" on first use.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private static final Logger log = LoggerFactory.getLogger(Main.class);
    private static final int SUCCEEDED = 0;
    private static final int FAILED = 1;
    private static final int INVALID = 2;
    private static final int AUDIT_LOG_BROKEN = 3;
    private static final int SECRETS_UNOPENABLE = 3;

    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        Optional<Command> command = Command.parse(args);
        if (command.isEmpty()) {
            System.err.println("Unknown command: " + String.join(" ", args));
            System.err.println(Command.usage());
            System.exit(INVALID);
            return;
        }
        switch (command.get()) {
            case SERVE -> serve();
            case MIGRATE -> System.exit(migrate());
            case VERIFY_AUDIT -> System.exit(verifyAudit());
            case ROTATE_KEYS -> System.exit(rotateKeys());
            case HELP -> System.out.println(Command.usage());
        }
    }

    private static void serve() throws InterruptedException {
        SwitchboardConfig config;
        try {
            config = SwitchboardConfig.fromProcess();
        } catch (InvalidConfigurationException e) {
            log.error("Switchboard cannot start: {}", e.getMessage());
            System.exit(INVALID);
            return;
        }
        // Registered before starting, so that a SIGTERM during start-up waits for it and then stops what it started.
        CompletableFuture<Switchboard> started = new CompletableFuture<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Duration drain = config.http().shutdownDrain();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Switchboard running = started.join();
            if (running != null) {
                if (!drain.isZero()) {
                    running.drain();
                    log.info("Switchboard draining for {} s: /health/ready answers 503 while everything else is "
                            + "served as usual; stop it again to skip the wait", drain.toSeconds());
                    StopSignals.awaitDelayOrAnotherStop(drain);
                }
                running.close();
            }
            stopped.countDown();
        }, "switchboard-shutdown"));
        Switchboard switchboard = null;
        try {
            switchboard = Switchboard.start(config);
        } catch (RuntimeException e) {
            // The message says what failed (a database that does not answer, a port in use); the trace is for bugs.
            log.error("Switchboard failed to start: {}", e.getMessage(), e);
        } finally {
            started.complete(switchboard);
        }
        if (switchboard == null) {
            System.exit(FAILED);
            return;
        }
        // The main thread lives as long as the application, whatever threads the server happens to use.
        stopped.await();
    }

    private static int migrate() {
        DatabaseConfig database;
        try {
            database = SwitchboardConfig.databaseFrom(System.getenv(), System.getProperties());
        } catch (InvalidConfigurationException e) {
            log.error("Switchboard cannot migrate: {}", e.getMessage());
            return INVALID;
        }
        try {
            Switchboard.migrate(database);
            return SUCCEEDED;
        } catch (RuntimeException e) {
            log.error("Migrating the schema failed: {}", e.getMessage(), e);
            return FAILED;
        }
    }

    /** Prints one JSON line, {@code {"auditLog":"intact"|"broken",...}}, on stdout, so scripts can read it. */
    private static int verifyAudit() {
        SwitchboardConfig config;
        try {
            config = SwitchboardConfig.fromProcess();
        } catch (InvalidConfigurationException e) {
            log.error("Switchboard cannot verify the audit log: {}", e.getMessage());
            return INVALID;
        }
        if (config.edition().edition() != Edition.ENTERPRISE) {
            log.error("The audit log is an Enterprise feature: this server runs the consumer edition, which keeps "
                    + "none (set SWITCHBOARD_EDITION=enterprise; see docs/editions.md)");
            return INVALID;
        }
        if (!config.store().kind().durable()) {
            log.error("The memory store keeps the audit log inside the serving process only: verify it there with "
                    + "GET /v1/admin/audit/verify, or run on SWITCHBOARD_STORE=postgres");
            return INVALID;
        }
        VerifyAuditLog.Verification verification;
        try {
            verification = Switchboard.verifyAuditLog(config);
        } catch (RuntimeException e) {
            log.error("Verifying the audit log failed: {}", e.getMessage(), e);
            return FAILED;
        }
        System.out.println(AuditVerificationLine.of(verification));
        System.out.flush();
        return verification.intact() ? SUCCEEDED : AUDIT_LOG_BROKEN;
    }

    /**
     * Prints one JSON line per batch ({@code {"batch":1,"resealed":100,...}}) and a summary line
     * ({@code {"rotation":"complete"|"incomplete",...}}) on stdout, so scripts can follow and read it.
     */
    private static int rotateKeys() {
        SwitchboardConfig config;
        try {
            config = SwitchboardConfig.forKeyRotation(System.getenv(), System.getProperties());
        } catch (InvalidConfigurationException e) {
            log.error("Switchboard cannot rotate keys: {}", e.getMessage());
            return INVALID;
        }
        if (!config.store().kind().durable()) {
            log.error("The memory store keeps secrets inside the serving process only, sealed under that process's "
                    + "keys: there is nothing stored to re-encrypt; run on SWITCHBOARD_STORE=postgres");
            return INVALID;
        }
        KeyRotation.Outcome done;
        try {
            int[] batches = {0};
            done = Switchboard.rotateKeys(config, batch -> {
                batches[0]++;
                System.out.println(KeyRotationLines.batch(batches[0], batch));
                System.out.flush();
            });
        } catch (RuntimeException e) {
            log.error("Re-encrypting stored secrets failed: {}", e.getMessage(), e);
            return FAILED;
        }
        System.out.println(KeyRotationLines.summary(done));
        System.out.flush();
        if (done.failed() > 0) {
            log.error("{} secret(s) are sealed under a master key that is not configured: keep the key that sealed "
                    + "them in SWITCHBOARD_MASTER_KEYS_RETIRED and run rotate-keys again", done.failed());
            return SECRETS_UNOPENABLE;
        }
        if (done.skipped() > 0) {
            log.error("{} secret(s) kept changing while being re-encrypted; run rotate-keys again", done.skipped());
            return FAILED;
        }
        return SUCCEEDED;
    }
}

package dev.switchboard.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/**
 * The one PostgreSQL that {@code bench/scaling.sh} runs two Switchboard instances on: an embedded PostgreSQL 17
 * (zonky, as the tests use) with <em>production</em> durability, unlike the tests' (zonky itself turns
 * {@code synchronous_commit} off; here it is {@code on} unless asked otherwise), because the commit flush is part of
 * what a cross-instance delivery costs. Prints {@code database port=<port>} once it accepts connections and runs
 * until killed. Usage: {@code ScalingDatabase [synchronous_commit]}.
 */
public final class ScalingDatabase {

    private ScalingDatabase() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        String synchronousCommit = args.length > 0 ? args[0] : "on";
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setServerConfig("synchronous_commit", synchronousCommit)
                .setServerConfig("max_connections", "100")
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (IOException e) {
                System.err.println("stopping the embedded PostgreSQL failed: " + e);
            }
        }, "stop-database"));
        System.out.println("database port=" + server.getPort() + " synchronous_commit=" + synchronousCommit);
        System.out.flush();
        new CountDownLatch(1).await();
    }
}

package dev.switchboard.bench;

import dev.switchboard.adapter.http.HttpSettings;
import dev.switchboard.adapter.http.SignalingHttpServer;
import dev.switchboard.adapter.http.WebSocketSettings;
import dev.switchboard.adapter.memory.InMemoryStorage;
import dev.switchboard.domain.MasterKeyRing;
import dev.switchboard.domain.PairingPolicy;
import dev.switchboard.domain.ServerSigningKey;
import dev.switchboard.domain.SignalingCore;
import dev.switchboard.domain.SignalingPolicy;
import dev.switchboard.ports.driven.Entropy;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.concurrent.CountDownLatch;

/**
 * The server under test when the app jar cannot yet be configured for a load test from one address: the
 * same core, in-memory store and HTTP adapter the app wires, with the per-address WebSocket limit and the
 * per-connection frame rate raised so that one host can drive thousands of busy sockets. Everything else
 * keeps the production defaults. Usage: {@code BenchServer <port>}; runs until killed. The system property
 * {@code bench.workerThreads} overrides the number of worker threads (for experiments; see run.sh).
 */
public final class BenchServer {

    /** More than the process can hold open (about 20,000 files), so the address limit never binds. */
    private static final int CONNECTIONS_PER_ADDRESS = 100_000;
    /** Far above what one benchmark socket sends, so the rate limit never closes a benchmark connection. */
    private static final int FRAMES_PER_SECOND = 1_000_000;

    private BenchServer() {}

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        SecureRandom random = new SecureRandom();
        Entropy entropy = new Entropy() {
            @Override
            public byte[] nextBytes(int count) {
                byte[] bytes = new byte[count];
                random.nextBytes(bytes);
                return bytes;
            }

            @Override
            public long nextLong(long bound) {
                return random.nextLong(bound);
            }
        };
        SignalingCore core = SignalingCore.create(new InMemoryStorage(), InstantSource.system(), entropy,
                SignalingPolicy.defaults(MasterKeyRing.of(entropy.nextBytes(32))),
                PairingPolicy.defaults(ServerSigningKey.of(entropy.nextBytes(32))));
        WebSocketSettings ws = WebSocketSettings.defaults();
        WebSocketSettings loadTest = new WebSocketSettings(ws.pingInterval(), ws.idleTimeout(),
                ws.keepAliveInterval(), ws.maxFrameBytes(), FRAMES_PER_SECOND, FRAMES_PER_SECOND,
                ws.maxMalformedFrames(), CONNECTIONS_PER_ADDRESS);
        HttpSettings defaults = HttpSettings.defaults();
        HttpSettings settings = new HttpSettings("127.0.0.1", port, defaults.maxRequestBodyBytes(),
                defaults.maxChunkBodyBytes(), defaults.maxEventWait(), "bench", defaults.ioThreads(),
                Integer.getInteger("bench.workerThreads", defaults.workerThreads()), defaults.idleTimeout(), defaults.shutdownGrace(), defaults.publicBaseUrl(),
                loadTest);
        // As the app wires the in-memory store: its use cases never block, so sockets run them on their own
        // network thread (-Dbench.workers=true keeps them on the worker pool, for comparison).
        SignalingHttpServer.Builder builder = SignalingHttpServer.builder(settings, core.useCases())
                .pairing(core.pairing()).transfers(core.transfers()).enterprise(core.enterprise());
        if (!Boolean.getBoolean("bench.workers")) {
            builder.nonBlockingUseCases();
        }
        SignalingHttpServer server = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        new CountDownLatch(1).await();
    }
}

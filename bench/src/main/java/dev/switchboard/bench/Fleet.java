package dev.switchboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Brings benchmark clients online the way a real client comes online: a credential, then (for pairs) a
 * session opened by one and joined by the other with the invite code, then a ticket and a WebSocket each.
 * The set-up calls go over the JDK's HttpClient; the sockets run on one {@link WebSocketDriver}, a client
 * cheap enough per message that the server, not the generator, is what runs out of CPU. At most
 * {@link #CONCURRENT_SETUPS} set-ups run at once, so the set-up never floods the server.
 */
final class Fleet {
    private static final int CONCURRENT_SETUPS = 64;

    private final SignedHttp http;
    private final WebSocketDriver sockets = WebSocketDriver.start("bench-sockets");
    private final String webSocketBase;
    private final Semaphore setups = new Semaphore(CONCURRENT_SETUPS);

    Fleet(URI base) {
        this.http = new SignedHttp(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).build(), base);
        this.webSocketBase = "ws://" + base.getAuthority() + "/v1/ws?ticket=";
    }

    /** Opens {@code count} pairs; each element of the result is one pair's two sockets, paired with each other. */
    List<BenchSocket[]> openPairs(int count, Supplier<BenchSocket> sockets) {
        List<CompletableFuture<BenchSocket[]>> pairs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BenchSocket host = sockets.get();
            BenchSocket guest = sockets.get();
            pairs.add(throttled(() -> openPair(host, guest)));
        }
        return pairs.stream().map(CompletableFuture::join).toList();
    }

    /** Opens {@code count} authenticated sockets, one identity each, that belong to no session. */
    List<BenchSocket> openIdle(int count, Supplier<BenchSocket> sockets) {
        List<CompletableFuture<BenchSocket>> opened = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BenchSocket socket = sockets.get();
            opened.add(throttled(() -> http.issueCredential().thenCompose(c -> connect(c, socket))));
        }
        return opened.stream().map(CompletableFuture::join).toList();
    }

    /** Issues {@code count} credentials and one ticket for each, and connects nothing: the cost of identities alone. */
    void issueIdentities(int count) {
        List<CompletableFuture<JsonNode>> issued = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            issued.add(throttled(() -> http.issueCredential().thenCompose(c -> http.post(c, "/v1/tickets", null, 201))));
        }
        issued.forEach(CompletableFuture::join);
    }

    private CompletableFuture<BenchSocket[]> openPair(BenchSocket host, BenchSocket guest) {
        CompletableFuture<SignedHttp.Credential> hostCredential = http.issueCredential();
        CompletableFuture<SignedHttp.Credential> guestCredential = http.issueCredential();
        return hostCredential.thenCompose(h -> http.post(h, "/v1/sessions", "{}", 201)).thenCompose(opened ->
                guestCredential.thenCompose(g -> http.post(g, "/v1/sessions/join",
                        "{\"code\":\"" + opened.get("inviteCode").asText() + "\"}", 200)).thenCompose(joined -> {
                            String sessionId = opened.get("session").get("id").asText();
                            host.target(sessionId, joined.get("memberId").asText());
                            guest.target(sessionId, opened.get("memberId").asText());
                            host.pairWith(guest);
                            guest.pairWith(host);
                            return connect(hostCredential.join(), host)
                                    .thenCombine(connect(guestCredential.join(), guest),
                                            (a, b) -> new BenchSocket[] {a, b});
                        }));
    }

    private CompletableFuture<BenchSocket> connect(SignedHttp.Credential credential, BenchSocket socket) {
        return http.post(credential, "/v1/tickets", null, 201).thenCompose((JsonNode ticket) -> sockets
                .connect(socket, URI.create(webSocketBase + ticket.get("ticket").asText())))
                .thenApply(opened -> socket);
    }

    private <T> CompletableFuture<T> throttled(Supplier<CompletableFuture<T>> setup) {
        setups.acquireUninterruptibly();
        return setup.get().whenComplete((result, failure) -> setups.release());
    }
}

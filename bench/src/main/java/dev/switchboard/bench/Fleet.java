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
 * At most {@link #CONCURRENT_SETUPS} set-ups run at once, so the set-up never floods the server.
 */
final class Fleet {
    private static final int CONCURRENT_SETUPS = 64;
    /** Each JDK HttpClient has one selector thread; a few spread the sockets without oversubscribing a core. */
    private static final int SOCKET_CLIENTS = 2;

    private final SignedHttp http;
    private final List<HttpClient> socketClients = new ArrayList<>();
    private final URI webSocketBase;
    private final Semaphore setups = new Semaphore(CONCURRENT_SETUPS);
    private int nextClient;

    Fleet(URI base) {
        this.http = new SignedHttp(newClient(), base);
        for (int i = 0; i < SOCKET_CLIENTS; i++) {
            socketClients.add(newClient());
        }
        this.webSocketBase = URI.create("ws://" + base.getAuthority() + "/v1/ws?ticket=");
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
        return http.post(credential, "/v1/tickets", null, 201).thenCompose((JsonNode ticket) -> nextSocketClient()
                .newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(30))
                .buildAsync(URI.create(webSocketBase + ticket.get("ticket").asText()), socket))
                .thenApply(ws -> socket);
    }

    private <T> CompletableFuture<T> throttled(Supplier<CompletableFuture<T>> setup) {
        setups.acquireUninterruptibly();
        return setup.get().whenComplete((result, failure) -> setups.release());
    }

    private synchronized HttpClient nextSocketClient() {
        return socketClients.get(nextClient++ % socketClients.size());
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).build();
    }
}

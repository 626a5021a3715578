package dev.switchboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Brings the scaling benchmark's clients online, each through the instance it is placed on, as a client behind a
 * load balancer would be: the sender gets its credential from its instance and opens the session there, the
 * receiver gets its credential from its own instance and joins there with the invite code, and each asks its own
 * instance for a ticket and opens its socket on it. Everything one instance wrote is thus read by the other
 * through the shared store before a single signal flows. The sockets run on one {@link WebSocketDriver}.
 */
final class ScalingFleet {
    private static final int CONCURRENT_SETUPS = 32;

    private final WebSocketDriver sockets = WebSocketDriver.start("scaling-sockets");
    private final Semaphore setups = new Semaphore(CONCURRENT_SETUPS);

    /** A sender's and a receiver's socket, targeting each other. */
    record Pair(ScalingSocket sender, ScalingSocket receiver) {}

    /** An identity with its credential, placed on an instance. */
    record Client(Instance instance, SignedHttp.Credential credential) {}

    /** Opens {@code count} pairs: senders on {@code senderSide}, receivers on {@code receiverSide}. */
    List<Pair> openPairs(int count, Instance senderSide, Instance receiverSide, Supplier<ScalingSocket> sockets) {
        List<CompletableFuture<Pair>> pairs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Pair pair = new Pair(sockets.get(), sockets.get());
            pairs.add(throttled(() -> openPair(pair, senderSide, receiverSide)));
        }
        return pairs.stream().map(CompletableFuture::join).toList();
    }

    /** {@code count} identities on {@code instance}, each with a fresh credential from it. */
    List<Client> clients(int count, Instance instance) {
        List<CompletableFuture<Client>> clients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            clients.add(throttled(() -> instance.http().issueCredential().thenApply(c -> new Client(instance, c))));
        }
        return clients.stream().map(CompletableFuture::join).toList();
    }

    /** Opens {@code client}'s socket on its instance, with {@code query} appended to the URL. */
    ScalingSocket connect(Client client, ScalingSocket socket, String query) {
        return connect(client.instance(), client.credential(), socket, query).join();
    }

    private CompletableFuture<Pair> openPair(Pair pair, Instance senderSide, Instance receiverSide) {
        CompletableFuture<SignedHttp.Credential> sender = senderSide.http().issueCredential();
        CompletableFuture<SignedHttp.Credential> receiver = receiverSide.http().issueCredential();
        return sender.thenCompose(s -> senderSide.http().post(s, "/v1/sessions", "{}", 201)).thenCompose(opened ->
                receiver.thenCompose(r -> receiverSide.http().post(r, "/v1/sessions/join",
                        "{\"code\":\"" + opened.get("inviteCode").asText() + "\"}", 200)).thenCompose(joined -> {
                            String sessionId = opened.get("session").get("id").asText();
                            pair.sender().target(sessionId, joined.get("memberId").asText());
                            pair.receiver().target(sessionId, opened.get("memberId").asText());
                            return connect(senderSide, sender.join(), pair.sender(), "")
                                    .thenCombine(connect(receiverSide, receiver.join(), pair.receiver(), ""),
                                            (a, b) -> pair);
                        }));
    }

    private CompletableFuture<ScalingSocket> connect(Instance instance, SignedHttp.Credential credential,
            ScalingSocket socket, String query) {
        return instance.http().post(credential, "/v1/tickets", null, 201).thenCompose((JsonNode ticket) -> sockets
                .connect(socket, instance.webSocket(ticket.get("ticket").asText(), query)))
                .thenApply(opened -> socket);
    }

    private <T> CompletableFuture<T> throttled(Supplier<CompletableFuture<T>> setup) {
        setups.acquireUninterruptibly();
        return setup.get().whenComplete((result, failure) -> setups.release());
    }
}

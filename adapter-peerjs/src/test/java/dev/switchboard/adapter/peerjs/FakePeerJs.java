package dev.switchboard.adapter.peerjs;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.ConnectPeer;
import dev.switchboard.ports.driving.PeerJsUseCases;
import dev.switchboard.ports.driving.ReceivePeerMessages;
import dev.switchboard.ports.model.PeerAddress;
import dev.switchboard.ports.model.PeerId;
import dev.switchboard.ports.model.PeerMessage;
import dev.switchboard.ports.model.PeerMessageType;
import dev.switchboard.ports.model.PeerSession;
import dev.switchboard.ports.model.Subscription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The PeerJS use cases with the domain's semantics kept small, in memory: one realm ({@link #KEY}), ids held
 * by a token and a connection id, a bounded queue per peer, wake-ups, and counters tests assert on.
 */
final class FakePeerJs implements ReceivePeerMessages {
    static final String KEY = "peerjs";

    private record Holder(String token, String connectionId) {}

    private final Map<String, Holder> holders = new HashMap<>();
    private final Map<String, List<PeerMessage>> queues = new HashMap<>();
    private final Map<String, List<Runnable>> watchers = new HashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger keepAlives = new AtomicInteger();
    final List<PeerSession> disconnected = new CopyOnWriteArrayList<>();
    /** The client address of every connect, in order. */
    final List<String> clientAddresses = new CopyOnWriteArrayList<>();
    volatile int concurrentLimit = 100;
    volatile int queueCapacity = 10;
    volatile boolean discovery;
    volatile boolean alive = true;
    volatile boolean storeDown;
    /** A sender whose relays take two seconds, as if its store were slow. */
    volatile String slowSender = "";

    /** When set, ids come with tokens: a socket must present {@code "token-for-<id>"}, and no id is generated. */
    volatile boolean tokensRequired;

    PeerJsUseCases useCases() {
        return new PeerJsUseCases(this::connect, this::relay, this, this::keepAlive, this::disconnect, this::generate,
                this::list, () -> 0, (caller, request) -> {
                    throw new UnsupportedOperationException("the PeerJS transport issues no tokens");
                });
    }

    private PeerId generate(String key) {
        realm(key);
        if (tokensRequired) {
            throw new SignalingException(ErrorCode.PEER_TOKEN_INVALID, "Ids come with tokens here");
        }
        return new PeerId(key + "-generated");
    }

    private synchronized ConnectPeer.Connected connect(ConnectPeer.Request request) {
        if (storeDown) {
            throw new SignalingException(ErrorCode.SERVICE_UNAVAILABLE, "store down");
        }
        realm(request.key());
        clientAddresses.add(request.clientAddress());
        if (tokensRequired && !request.token().equals("token-for-" + request.id().value())) {
            throw new SignalingException(ErrorCode.PEER_TOKEN_INVALID, "Invalid token: not for this id");
        }
        Holder holder = holders.get(request.id().value());
        if (holder != null && !holder.token().equals(request.token())) {
            throw new SignalingException(ErrorCode.PEER_ID_TAKEN, "taken");
        }
        if (holder == null && holders.size() >= concurrentLimit) {
            throw new SignalingException(ErrorCode.LIMIT_REACHED, "full");
        }
        String connectionId = "c" + connections.incrementAndGet();
        holders.put(request.id().value(), new Holder(request.token(), connectionId));
        if (holder != null) {
            wake(request.id().value());
        }
        return new ConnectPeer.Connected(new PeerSession(new PeerAddress(request.key(), request.id()), connectionId),
                Optional.ofNullable(holder).map(Holder::connectionId));
    }

    /** What another instance does when the peer reconnects there: the id moves, the old holder is woken. */
    synchronized void reconnectElsewhere(String id) {
        holders.computeIfPresent(id, (key, holder) -> new Holder(holder.token(), "elsewhere"));
        wake(id);
    }

    /** Queues a message as if {@code src} had relayed it, before or after {@code dst} connects. */
    synchronized void queue(String src, String dst, PeerMessageType type, String payload) {
        List<PeerMessage> queue = queues.computeIfAbsent(dst, key -> new ArrayList<>());
        if (queue.size() >= queueCapacity) {
            throw new SignalingException(ErrorCode.MAILBOX_FULL, "full");
        }
        queue.add(new PeerMessage(sequence.incrementAndGet(), KEY, new PeerId(src), new PeerId(dst), type, payload,
                Instant.EPOCH));
        wake(dst);
    }

    synchronized int queued(String id) {
        return queues.getOrDefault(id, List.of()).size();
    }

    synchronized boolean holds(String id) {
        return holders.containsKey(id);
    }

    private void relay(PeerSession from, PeerMessageType type, PeerId dst, String payload) {
        if (from.peer().id().value().equals(slowSender)) {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            requireCurrent(from);
        }
        queue(from.peer().id().value(), dst.value(), type, payload);
    }

    @Override
    public synchronized List<PeerMessage> receive(PeerSession session, long afterSequence, int limit) {
        requireCurrent(session);
        return queues.getOrDefault(session.peer().id().value(), List.of()).stream()
                .filter(message -> message.sequence() > afterSequence).limit(limit).toList();
    }

    @Override
    public synchronized void acknowledge(PeerSession session, long upToSequence) {
        requireCurrent(session);
        queues.getOrDefault(session.peer().id().value(), new ArrayList<>())
                .removeIf(message -> message.sequence() <= upToSequence);
    }

    @Override
    public synchronized Subscription watch(PeerSession session, Runnable onWake) {
        List<Runnable> list = watchers.computeIfAbsent(session.peer().id().value(), key -> new CopyOnWriteArrayList<>());
        list.add(onWake);
        return () -> list.remove(onWake);
    }

    private synchronized boolean keepAlive(PeerSession session) {
        keepAlives.incrementAndGet();
        return alive && isCurrent(session);
    }

    private synchronized void disconnect(PeerSession session) {
        disconnected.add(session);
        if (isCurrent(session)) {
            holders.remove(session.peer().id().value());
        }
    }

    private synchronized List<PeerId> list(String key) {
        realm(key);
        if (!discovery) {
            throw new SignalingException(ErrorCode.PEER_DISCOVERY_DISABLED, "off");
        }
        return holders.keySet().stream().sorted().map(PeerId::new).toList();
    }

    private void requireCurrent(PeerSession session) {
        if (!isCurrent(session)) {
            throw new SignalingException(ErrorCode.PEER_SUPERSEDED, "superseded");
        }
    }

    private boolean isCurrent(PeerSession session) {
        Holder holder = holders.get(session.peer().id().value());
        return holder != null && holder.connectionId().equals(session.connectionId());
    }

    private void wake(String id) {
        watchers.getOrDefault(id, List.of()).forEach(Runnable::run);
    }

    private static String realm(String key) {
        if (!KEY.equals(key)) {
            throw new SignalingException(ErrorCode.PEER_KEY_INVALID, "unknown key");
        }
        return key;
    }
}

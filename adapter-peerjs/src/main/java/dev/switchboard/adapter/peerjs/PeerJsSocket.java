package dev.switchboard.adapter.peerjs;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.ConnectPeer;
import dev.switchboard.ports.driving.PeerJsUseCases;
import dev.switchboard.ports.model.PeerId;
import dev.switchboard.ports.model.PeerMessage;
import dev.switchboard.ports.model.PeerMessageType;
import dev.switchboard.ports.model.PeerSession;
import dev.switchboard.ports.model.Subscription;
import dev.switchboard.transport.netty.FrameRateLimit;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One PeerJS WebSocket, from the upgrade to the close. Its network thread only queues frames and notes signs of
 * life ({@link PeerLiveness}); everything that calls a use case runs in rounds, one at a time ({@link WorkerLoop}),
 * on a worker or, where use cases never block, as a later task of the network thread. The first round takes the
 * id (or refuses it as {@code peer} does, then closes), later rounds carry out the client's frames in order,
 * refresh its liveness, and deliver what waits for it. A socket that no longer holds its id (a reconnect superseded
 * it, here or on another instance, or it timed out) is closed, never left open.
 */
final class PeerJsSocket {
    static final String NO_CREDENTIALS = "No id, token, or key supplied to websocket server";
    static final String INVALID_KEY = "Invalid key provided";
    static final String LIMIT = "Server has reached its concurrent user limit";
    static final String INVALID_TYPE = "Invalid message type";
    static final String CANNOT_SERVE = "The server cannot serve this connection now; reconnect later";
    private static final Logger LOG = LoggerFactory.getLogger(PeerJsSocket.class);
    private static final int FRAMES_PER_ROUND = 64;
    private static final int MESSAGES_PER_ROUND = 100;
    /** Client frames waiting for a round; a client that outruns its store this far is closed, not buffered. */
    static final int MAX_PENDING_FRAMES = 1024;

    private final Channel channel;
    private final PeerJsUseCases peerJs;
    private final PeerSockets sockets;
    private final Executor useCases;
    private final SocketQuery query;
    private final PeerJsOutbox outbox;
    private final PeerLiveness liveness;
    private final WorkerLoop rounds;
    private final FrameRateLimit frameRate;
    private final String rateLimited;
    private final Queue<PeerJsFrames.ClientFrame> inbound = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean released = new AtomicBoolean();
    private volatile PeerSession session;
    private volatile Subscription watch;
    private volatile boolean deliveryDue = true;
    private volatile boolean keepAliveDue;
    /**
     * How long a written batch may wait to be acknowledged by a round that runs anyway (the client's next
     * frame, the next delivery) before it gets a round of its own: most acknowledgements then cost no hand-off.
     */
    static final long ACK_DELAY_MILLIS = 2;
    /** The highest sequence the socket has written. */
    private final AtomicLong written = new AtomicLong();
    /** The highest sequence acknowledged; written by the rounds only. */
    private volatile long acknowledged;
    /** Whether a round is flushing: it acknowledges what the flush wrote itself, with no further round. */
    private volatile boolean flushing;
    // Confined to the rounds.
    private long delivered;

    /** The query of {@code <path>peerjs?key=&id=&token=}; each is empty when absent or blank. */
    record SocketQuery(Optional<String> key, Optional<String> id, Optional<String> token, String clientAddress) {}

    /**
     * @param useCases where rounds and use cases run: a worker pool, or the channel's own event loop for use
     *                 cases that never block
     */
    PeerJsSocket(Channel channel, PeerJsUseCases peerJs, PeerSockets sockets, Executor useCases,
            SocketQuery query, PeerJsSettings settings) {
        this.channel = channel;
        this.peerJs = peerJs;
        this.sockets = sockets;
        this.useCases = useCases;
        this.query = query;
        this.outbox = new PeerJsOutbox(channel);
        this.frameRate = new FrameRateLimit(settings.framesPerSecond(), settings.frameBurst(), System.nanoTime());
        this.rateLimited = "rate limit exceeded: at most " + settings.framesPerSecond() + " messages a second (bursts "
                + "of " + settings.frameBurst() + "), HEARTBEATs included; slow down";
        this.rounds = new WorkerLoop(useCases, this::round, () -> close(1001, "server shutting down"));
        this.liveness = new PeerLiveness(channel.eventLoop(), settings.pingInterval().toNanos(), outbox::ping, () -> {
            keepAliveDue = true;
            rounds.signal();
        }, () -> close(1001, "idle timeout"));
    }

    /** Takes over a socket that has just switched protocols (network thread). */
    void start() {
        channel.closeFuture().addListener(closed -> release());
        if (!channel.isActive() || !sockets.add(this)) {
            close(1001, "server shutting down");
            return;
        }
        liveness.start();
        rounds.signal();
    }

    /**
     * A text frame arrived (network thread), its bytes UTF-8; one beyond the socket's frame rate closes it. It is
     * read here, while its bytes are at hand, and carried out by a round.
     */
    void received(ByteBuf text) {
        if (closing.get()) {
            return;
        }
        liveness.lifeSign();
        if (!frameRate.admit(System.nanoTime())) {
            sendErrorAndClose(rateLimited, 1008, "rate limit exceeded");
            return;
        }
        if (pending.incrementAndGet() > MAX_PENDING_FRAMES) {
            sendErrorAndClose("too many messages in flight: at most " + MAX_PENDING_FRAMES + "; slow down", 1008,
                    "too many messages");
            return;
        }
        inbound.add(PeerJsFrames.parse(text));
        rounds.signal();
    }

    /** A ping or pong arrived (network thread). */
    void lifeSign() {
        liveness.lifeSign();
    }

    /** A frame the socket cannot take (binary, oversized) arrived (network thread): an ERROR, then the close. */
    void refused(String msg, int code) {
        sendErrorAndClose(msg, code, "unacceptable frame");
    }

    /** The client closed (network thread): answered, and the connection ends. */
    void closeReceived(int code) {
        closing.set(true);
        outbox.closeReceived(code);
    }

    /** The socket no longer holds its id (a reconnect took it over, or it timed out): closed at once. */
    void superseded() {
        close(1000, "id no longer held by this connection");
    }

    Optional<String> connectionId() {
        PeerSession current = session;
        return current == null ? Optional.empty() : Optional.of(current.connectionId());
    }

    /** Closes with {@code code}; the first close wins. Safe from any thread. */
    void close(int code, String reason) {
        if (closing.compareAndSet(false, true)) {
            outbox.close(code, reason);
        }
    }

    private void sendErrorAndClose(String msg, int code, String reason) {
        if (closing.compareAndSet(false, true)) {
            outbox.sendThenClose(PeerJsFrames.error(msg), code, reason);
        }
    }

    private void round() {
        // Even when closing: what was written must not wait for the peer's next socket.
        acknowledgeWritten();
        if (closing.get()) {
            return;
        }
        try {
            serve();
        } finally {
            flushing = true;
            outbox.flush();
            flushing = false;
            // On the network thread the flush has usually written everything already.
            acknowledgeWritten();
        }
    }

    private void serve() {
        try {
            if (session == null && !connect()) {
                return;
            }
            for (int taken = 0; taken < FRAMES_PER_ROUND && !closing.get(); taken++) {
                PeerJsFrames.ClientFrame frame = inbound.poll();
                if (frame == null) {
                    break;
                }
                pending.decrementAndGet();
                handle(frame);
            }
            if (!inbound.isEmpty()) {
                rounds.signal();
            }
            if (keepAliveDue && !closing.get()) {
                keepAliveDue = false;
                keepAlive();
            }
            if (deliveryDue && !closing.get()) {
                deliveryDue = false;
                deliver();
            }
        } catch (SignalingException e) {
            if (e.code() == ErrorCode.PEER_SUPERSEDED) {
                superseded();
            } else {
                LOG.warn("the PeerJS socket of {} failed; closing it", describe(), e);
                sendErrorAndClose(CANNOT_SERVE, 1011, "cannot serve now; reconnect");
            }
        } catch (RuntimeException e) {
            LOG.error("the PeerJS socket of {} failed unexpectedly; closing it", describe(), e);
            sendErrorAndClose(CANNOT_SERVE, 1011, "cannot serve now; reconnect");
        }
    }

    /** Takes the id, as {@code peer} does after the upgrade: refusals are an ERROR or ID-TAKEN and a close. */
    private boolean connect() {
        if (query.key().isEmpty() || query.id().isEmpty() || query.token().isEmpty()) {
            sendErrorAndClose(NO_CREDENTIALS, 1008, "no id, token or key");
            return false;
        }
        PeerId id;
        try {
            id = new PeerId(query.id().get());
        } catch (SignalingException invalid) {
            sendErrorAndClose("Invalid id: " + invalid.getMessage(), 1008, "invalid id");
            return false;
        }
        ConnectPeer.Connected connected;
        try {
            connected = peerJs.connectPeer().connect(
                    new ConnectPeer.Request(query.key().get(), id, query.token().get(), query.clientAddress()));
        } catch (SignalingException refused) {
            switch (refused.code()) {
                case PEER_KEY_INVALID -> sendErrorAndClose(INVALID_KEY, 1008, "invalid key");
                // Tokens are required and this one is not for this id: the domain's text says what to fix.
                case PEER_TOKEN_INVALID -> sendErrorAndClose(refused.getMessage(), 1008, "invalid token");
                case PEER_ID_TAKEN -> {
                    if (closing.compareAndSet(false, true)) {
                        outbox.sendThenClose(PeerJsFrames.ID_TAKEN, 1008, "id taken");
                    }
                }
                case LIMIT_REACHED -> sendErrorAndClose(LIMIT, 1008, "concurrent user limit");
                default -> throw refused;
            }
            return false;
        }
        session = connected.session();
        connected.supersededConnectionId().flatMap(sockets::find).ifPresent(PeerJsSocket::superseded);
        if (!sockets.connected(this) || closing.get()) {
            // Closed while connecting: the id goes back at once rather than after the alive timeout.
            disconnect(session);
            return false;
        }
        // Subscribed before the first delivery, so nothing that lands in between is missed.
        watch = peerJs.receivePeerMessages().watch(session, () -> {
            deliveryDue = true;
            rounds.signal();
        });
        if (released.get()) {
            closeWatch();
        }
        outbox.send(PeerJsFrames.OPEN);
        return true;
    }

    private void handle(PeerJsFrames.ClientFrame read) {
        if (read instanceof PeerJsFrames.Unreadable unreadable) {
            sendErrorAndClose(unreadable.reason(), 1008, "malformed message");
            return;
        }
        PeerJsFrames.Inbound frame = (PeerJsFrames.Inbound) read;
        if (frame.type().equals("HEARTBEAT")) {
            return; // counted as a sign of life when it arrived
        }
        Optional<PeerMessageType> type = PeerMessageType.fromWireName(frame.type());
        if (type.isEmpty()) {
            outbox.send(PeerJsFrames.error(INVALID_TYPE));
            return;
        }
        PeerId dst;
        try {
            dst = new PeerId(frame.dst().orElseThrow(() -> SignalingException.invalid("dst", "is missing")));
        } catch (SignalingException invalid) {
            sendErrorAndClose("a " + frame.type() + " message needs a valid dst: " + invalid.getMessage(), 1008,
                    "malformed message");
            return;
        }
        try {
            peerJs.relayPeerMessage().relay(session, type.get(), dst, frame.payload());
        } catch (SignalingException refused) {
            switch (refused.code()) {
                case MAILBOX_FULL -> outbox.send(PeerJsFrames.expire(dst, session.peer().id()));
                case PAYLOAD_TOO_LARGE, VALIDATION_FAILED, MALFORMED_REQUEST ->
                        outbox.send(PeerJsFrames.error(refused.getMessage()));
                default -> throw refused; // peer_superseded closes the socket; anything else is a failure
            }
        }
    }

    private void keepAlive() {
        if (!peerJs.keepPeerAlive().keepAlive(session)) {
            superseded();
        }
    }

    /**
     * Writes what waits, oldest first, and acknowledges it once the socket has written it (in a later
     * round); what a dropped socket did not write waits for the peer's next socket.
     */
    private void deliver() {
        List<PeerMessage> waiting = peerJs.receivePeerMessages().receive(session, delivered, MESSAGES_PER_ROUND);
        if (waiting.isEmpty()) {
            // A wake-up with nothing to read may mean a reconnect took the id over: ask.
            keepAlive();
            return;
        }
        for (int i = 0; i < waiting.size() - 1; i++) {
            outbox.send(waiting.get(i));
        }
        delivered = waiting.get(waiting.size() - 1).sequence();
        outbox.send(waiting.get(waiting.size() - 1), acknowledgeWhenWritten(delivered));
        if (waiting.size() == MESSAGES_PER_ROUND) {
            deliveryDue = true;
            rounds.signal();
        }
    }

    /**
     * Notes {@code upTo} as written once the socket has written it (network thread). A round whose own flush
     * wrote it acknowledges it right after; otherwise the next round acknowledges everything written so far in
     * one call, and a round is asked for only if none ran within {@link #ACK_DELAY_MILLIS}.
     */
    private ChannelFutureListener acknowledgeWhenWritten(long upTo) {
        return write -> {
            if (!write.isSuccess()) {
                write.channel().close();
                return;
            }
            written.accumulateAndGet(upTo, Math::max);
            if (flushing) {
                return;
            }
            try {
                write.channel().eventLoop().schedule(() -> {
                    if (written.get() > acknowledged) {
                        rounds.signal();
                    }
                }, ACK_DELAY_MILLIS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                rounds.signal();
            }
        };
    }

    /** Acknowledges what the socket has written since the last round (rounds only). */
    private void acknowledgeWritten() {
        long upTo = written.get();
        PeerSession held = session;
        if (upTo > acknowledged && held != null) {
            acknowledged = upTo;
            acknowledge(held, upTo);
        }
    }

    private void acknowledge(PeerSession held, long upTo) {
        try {
            peerJs.receivePeerMessages().acknowledge(held, upTo);
        } catch (RuntimeException e) {
            // Superseded meanwhile, or the store is down: the messages stay queued for the peer's next socket.
            LOG.debug("cannot acknowledge up to {} for {}", upTo, held, e);
        }
    }

    /** Runs once when the socket closes, for whatever reason: lets the id go where use cases run. */
    private void release() {
        if (!released.compareAndSet(false, true)) {
            return;
        }
        closing.set(true);
        liveness.stop();
        sockets.remove(this);
        PeerSession held = session;
        runUseCase(() -> {
            closeWatch();
            if (held != null) {
                // What was written but not yet acknowledged goes before the id does (repeating a round's
                // acknowledgement is harmless).
                long upTo = written.get();
                if (upTo > acknowledged) {
                    acknowledge(held, upTo);
                }
                disconnect(held);
            }
        });
    }

    private void closeWatch() {
        Subscription subscription = watch;
        if (subscription != null) {
            watch = null;
            subscription.close();
        }
    }

    private void disconnect(PeerSession held) {
        try {
            peerJs.disconnectPeer().disconnect(held);
        } catch (RuntimeException e) {
            LOG.warn("cannot disconnect {}; its alive timeout lets it go", held, e);
        }
    }

    /** Use cases and subscriptions run where the rounds do; once that has stopped, here. */
    private void runUseCase(Runnable task) {
        try {
            useCases.execute(task);
        } catch (RejectedExecutionException stopped) {
            task.run();
        }
    }

    private String describe() {
        PeerSession current = session;
        return current != null ? current.peer().toString() : query.key().orElse("?") + ":" + query.id().orElse("?");
    }
}

package dev.switchboard.adapter.http;

import dev.switchboard.ports.model.Identity;
import io.undertow.websockets.core.WebSocketChannel;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open WebSocket, from the upgrade to the close. What happens on the network (a frame, a pong, a
 * timer) is handled on the socket's IO thread, which only checks the rate, notes signs of life and hands
 * work over; everything that calls a use case runs in the socket's {@link SocketRounds} on a worker.
 */
final class WebSocketConnection {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketConnection.class);

    private final WebSocketChannel channel;
    private final Identity owner;
    private final SocketAdmission admission;
    private final SocketContext context;
    private final Outbox outbox;
    private final Heartbeat heartbeat;
    private final FrameRateLimit rateLimit;
    private final SocketRounds rounds;
    private final AtomicBoolean released = new AtomicBoolean();
    private volatile boolean closing;

    private WebSocketConnection(SocketContext context, WebSocketChannel channel, SocketAdmission admission) {
        this.channel = channel;
        this.owner = admission.owner();
        this.admission = admission;
        this.context = context;
        this.outbox = new Outbox(channel, context.edge().metrics());
        this.heartbeat = new Heartbeat(channel, context.settings(), () -> close(SocketClose.IDLE));
        this.rateLimit = new FrameRateLimit(context.settings().framesPerSecond(), context.settings().frameBurst(),
                System.nanoTime());
        this.rounds = new SocketRounds(context, admission, outbox, this::close);
    }

    /** Takes over a socket that has just switched protocols; the rest of the start runs on its IO thread. */
    static void open(SocketContext context, WebSocketChannel channel, SocketAdmission admission) {
        WebSocketConnection connection = new WebSocketConnection(context, channel, admission);
        channel.getIoThread().execute(connection::start);
    }

    private void start() {
        channel.addCloseTask(closed -> release());
        if (!channel.isOpen()) {
            release();
            return;
        }
        channel.getReceiveSetter().set(new InboundFrames(this, context.settings().maxFrameBytes()));
        channel.resumeReceives();
        heartbeat.start(System.nanoTime());
        if (!context.sockets().add(this)) {
            close(SocketClose.SHUTDOWN);
            return;
        }
        LOG.debug("WebSocket of {} open from {}", owner.keyId(), channel.getSourceAddress());
        rounds.start();
    }

    /** A text frame arrived (IO thread). */
    void received(String text) {
        long now = System.nanoTime();
        if (closing) {
            return;
        }
        context.edge().metrics().frameIn();
        if (!rateLimit.admit(now)) {
            close(SocketClose.RATE_LIMIT);
            return;
        }
        lifeSign(now);
        rounds.frameArrived(text);
    }

    /** A binary frame arrived (IO thread): refused like a malformed text frame, in its turn. */
    void receivedBinary() {
        received(ClientFrames.BINARY_FRAME);
    }

    /** A frame, a ping or a pong arrived (IO thread): the client is alive. */
    void lifeSign(long now) {
        if (heartbeat.lifeSign(now)) {
            rounds.keepAliveDue();
        }
    }

    /** Sends a close frame with the cause's code and reason; the connection ends when the client answers. */
    void close(SocketClose cause) {
        if (!closing) {
            closing = true;
            rounds.halt();
            LOG.debug("closing the WebSocket of {}: {} {}", owner.keyId(), cause.code(), cause.reason());
            outbox.close(cause);
        }
    }

    /** Runs once when the socket closes, for whatever reason. */
    private void release() {
        if (!released.compareAndSet(false, true)) {
            return;
        }
        closing = true;
        heartbeat.stop();
        rounds.halt();
        admission.slot().release();
        context.sockets().remove(this);
        LOG.debug("WebSocket of {} closed", owner.keyId());
    }
}
